package io.rtmtoken.credentials;

/** A missing or malformed Agora credential at start-up; the message names the setting, never its value. */
public final class InvalidCredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    InvalidCredentialsException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
