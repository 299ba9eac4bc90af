package sfa.lab.plc;

/**
 * A runtime fault of the program (division by zero, an index out of range, the scan watchdog): the
 * PLC goes to STOP with its outputs off, like a real one, and shows this message in both languages.
 */
public final class PlcFault extends RuntimeException {

    private final String korean;

    public PlcFault(String english, String korean) {
        super(english, null, false, false);
        this.korean = korean;
    }

    public String english() {
        return getMessage();
    }

    public String korean() {
        return korean;
    }
}
