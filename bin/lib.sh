# Shared helpers for the bin/ scripts. Source it; do not run it.
# shellcheck shell=bash

SFA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SFA_ROOT

# Prints the major version of the java binary given, or nothing.
sfa_java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  [ -n "$v" ] && echo "${v%%.*}"
}

# Finds a JDK >= 25: JAVA_HOME if it is one, else the newest under /usr/lib/jvm (or SFA_JVM_DIRS).
# Exports JAVA_HOME and puts its bin first on PATH; exits 3 with a clear message otherwise.
sfa_find_jdk() {
  local need=25 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(sfa_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ]; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  for candidate in ${SFA_JVM_DIRS:-/usr/lib/jvm/*}; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(sfa_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$need" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    {
      echo "error: no JDK ${need} or newer found."
      echo "  JAVA_HOME=${JAVA_HOME:-<unset>} is not a JDK >= ${need}, and none is under ${SFA_JVM_DIRS:-/usr/lib/jvm}."
      echo "  Install one (for example Debian's openjdk-25-jdk or Eclipse Temurin 25) and run this again,"
      echo "  or point JAVA_HOME at it."
    } >&2
    exit 3
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Runs the project's Maven Wrapper (Maven 3.9.16, fetched from Maven Central on first use).
sfa_mvn() {
  (cd "$SFA_ROOT" && ./mvnw --batch-mode --no-transfer-progress "$@")
}
