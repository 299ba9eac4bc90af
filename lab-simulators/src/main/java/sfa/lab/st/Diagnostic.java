package sfa.lab.st;

/**
 * An error or warning about a program, at a line and column, in Korean and English.
 *
 * @param code a stable identifier of the kind of problem (for tests and tools), e.g. {@code unknown-variable}
 * @param length how many characters of the line the problem spans (at least 1), to point at the token
 */
public record Diagnostic(Severity severity, Position position, int length, String code, String en, String ko) {

    /** Errors stop the program from running; warnings do not. */
    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code prog.st:12:7: error: expected ':=' after 'Motor'} (English), as compilers print. */
    public String format(String file) {
        return file + ":" + position + ": " + severity.label() + ": " + en;
    }

    /** The same line in Korean: {@code prog.st:12:7: 오류: …}. */
    public String formatKo(String file) {
        return file + ":" + position + ": " + (severity == Severity.ERROR ? "오류" : "경고") + ": " + ko;
    }
}
