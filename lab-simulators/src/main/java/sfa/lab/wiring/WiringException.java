package sfa.lab.wiring;

/** Wiring that cannot be built at all (an unknown terminal, a malformed wire), in English and Korean. */
public final class WiringException extends RuntimeException {

    private final String korean;

    public WiringException(String english, String korean) {
        super(english);
        this.korean = korean;
    }

    public String english() {
        return getMessage();
    }

    public String korean() {
        return korean;
    }
}
