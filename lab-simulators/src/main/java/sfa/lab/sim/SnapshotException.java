package sfa.lab.sim;

/** A snapshot that cannot be resumed: malformed JSON, a missing value, or one of another lab. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(String message) {
        super(message);
    }
}
