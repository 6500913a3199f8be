package io.rtmtoken.format;

/** Thrown when a string is not a well-formed Agora token; the message never contains the token itself. */
public final class MalformedTokenException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the token. */
    public enum Reason {
        TOO_LONG,
        BAD_VERSION,
        BAD_APP_ID,
        NOT_BASE64,
        NOT_ZLIB,
        INFLATED_TOO_LARGE,
        TRUNCATED,
        LENGTH_PAST_END,
        TRAILING_BYTES
    }

    private final Reason reason;

    public MalformedTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
