package io.rtmtoken.security;

/** A missing or inconsistent authentication setting at start-up; the message names the setting, never a secret. */
public final class InvalidAuthConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    InvalidAuthConfigurationException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
