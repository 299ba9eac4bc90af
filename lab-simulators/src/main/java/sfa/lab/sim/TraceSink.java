package sfa.lab.sim;

/**
 * Receives one row of a signal trace: each part of the plant reports its named values in the same
 * order every step, and the first row fixes the columns.
 */
public interface TraceSink {

    void value(String column, boolean value);

    void value(String column, long value);

    void value(String column, double value);

    void text(String column, String value);

    /** Ends the current row. */
    void endRow();

    /** False when the sink ignores text columns, so nobody builds them (grading runs without). */
    default boolean wantsText() {
        return true;
    }
}
