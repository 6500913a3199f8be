package io.rtmtoken.credentials;

import java.util.Optional;

import io.rtmtoken.format.AppCertificate;

/** The validated App ID and certificates; tokens are signed with the primary certificate. */
public final class AgoraCredentials {

    private final String appId;

    private final AppCertificate primary;

    private final AppCertificate secondary;

    AgoraCredentials(String appId, AppCertificate primary, AppCertificate secondary) {
        this.appId = appId;
        this.primary = primary;
        this.secondary = secondary;
    }

    /**
     * Validates the bound properties.
     *
     * @throws InvalidCredentialsException naming the setting and the rule, never the value
     */
    public static AgoraCredentials from(AgoraProperties properties) {
        String appId = require(properties.appId(), "agora.app-id", "AGORA_APP_ID", "App ID");
        String primary = require(properties.appCertificate(), "agora.app-certificate", "AGORA_APP_CERTIFICATE",
                "App Certificate");
        String secondary = properties.secondaryAppCertificate() == null
                || properties.secondaryAppCertificate().isBlank() ? null
                        : require(properties.secondaryAppCertificate(), "agora.secondary-app-certificate",
                                "AGORA_SECONDARY_APP_CERTIFICATE", "secondary App Certificate");
        return new AgoraCredentials(appId, AppCertificate.of(primary),
                secondary == null ? null : AppCertificate.of(secondary));
    }

    public String appId() {
        return appId;
    }

    public AppCertificate primary() {
        return primary;
    }

    public Optional<AppCertificate> secondary() {
        return Optional.ofNullable(secondary);
    }

    @Override
    public String toString() {
        return "AgoraCredentials[appId=" + appId + ", primary=" + primary + ", secondary=" + secondary + "]";
    }

    private static String require(String value, String property, String variable, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidCredentialsException(property, "The Agora " + what + " is not set. Set the environment"
                    + " variable " + variable + ", the property " + property + ", or a secret file named " + property
                    + " in /run/secrets.");
        }
        String trimmed = value.strip();
        if (!AppCertificate.isHex32(trimmed)) {
            throw new InvalidCredentialsException(property, "The Agora " + what + " in " + variable + " ("
                    + property + ") must be 32 hexadecimal characters, as shown in Agora Console; the value given has "
                    + trimmed.length() + " characters" + (trimmed.length() == 32 ? ", not all hexadecimal." : "."));
        }
        return trimmed;
    }
}
