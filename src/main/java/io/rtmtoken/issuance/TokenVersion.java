package io.rtmtoken.issuance;

import java.util.Optional;

/** The Agora token versions this service issues. */
public enum TokenVersion {

    /** {@code RtmTokenBuilder}, the format the RTM 1.x documentation describes. */
    V006("006"),

    /** {@code RtmTokenBuilder2}, for RTM SDK 1.5 and later and RTM 2.x. */
    V007("007");

    private final String label;

    TokenVersion(String label) {
        this.label = label;
    }

    /** Returns the version written as in a token's prefix ({@code 006} or {@code 007}), if it is one. */
    public static Optional<TokenVersion> of(String label) {
        for (TokenVersion version : values()) {
            if (version.label.equals(label)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
