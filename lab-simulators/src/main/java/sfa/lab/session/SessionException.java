package sfa.lab.session;

/** A request a session cannot honour, explained in Korean and English for the student. */
public final class SessionException extends RuntimeException {

    private final String korean;

    public SessionException(String english, String korean) {
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
