package sfa.lab.scenario;

/**
 * Something wrong in a lab spec or an objective, at a line and column of its file (1-based; 0 when
 * the place is not known), in English and Korean.
 */
public record Problem(String file, int line, int column, String en, String ko) {

    /** {@code sorting-metal.yaml:42:7: expected ')' after 'rise(START'}. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + en;
    }

    public String formatKo() {
        return file + ":" + line + ":" + column + ": " + ko;
    }
}
