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

# Keycloak: one distribution, fetched by Maven from Maven Central and unpacked into .keycloak/ (the
# version is backend/pom.xml's keycloak.version), built once with these options and then started
# --optimized. Keep the options equal to BUILD_OPTIONS in the backend's KeycloakTestServer.
SFA_KEYCLOAK_BUILD_OPTIONS=(--health-enabled=true --db=dev-file)

sfa_keycloak_version() {
  sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$SFA_ROOT/backend/pom.xml" | head -n1
}

# Prints the Keycloak distribution's folder, unpacking it first if it is missing.
sfa_keycloak_dist() {
  local dist
  dist="$SFA_ROOT/.keycloak/keycloak-$(sfa_keycloak_version)"
  if [ ! -x "$dist/bin/kc.sh" ]; then
    echo "Keycloak: unpacking $(basename "$dist") from Maven Central into .keycloak/ ..." >&2
    sfa_mvn -q -pl backend dependency:unpack@keycloak >&2
  fi
  echo "$dist"
}

# Builds the distribution (Quarkus augmentation, ~20 s) unless it was built with the same options.
sfa_keycloak_build() {
  local dist="$1" log="$2" marker="$1/.sfa-built"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "${SFA_KEYCLOAK_BUILD_OPTIONS[*]}" ]; then
    return 0
  fi
  echo "Keycloak: building the server once (about 20 s)..." >&2
  if ! JAVA_OPTS_KC_HEAP=-Xmx512m "$dist/bin/kc.sh" build "${SFA_KEYCLOAK_BUILD_OPTIONS[@]}" >>"$log" 2>&1; then
    echo "error: Keycloak's build failed; see $log" >&2
    return 1
  fi
  echo "${SFA_KEYCLOAK_BUILD_OPTIONS[*]}" >"$marker"
}

# Waits until a URL answers 2xx, the process given exits, or the deadline (seconds) passes.
# Returns 0 when it answered, 1 when the process died, 2 on timeout.
sfa_await_url() {
  local url="$1" pid="$2" seconds="$3" deadline
  deadline=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 2
}

# True when something listens on the local TCP port.
sfa_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
