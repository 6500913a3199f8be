package io.rtmtoken.issuance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token defaults and caps, bound from {@code rtm-token.token.*}.
 *
 * @param defaultVersion the version issued when a request names none: {@code 006} or {@code 007}
 * @param defaultLifetime the lifetime issued when a request gives no {@code expireSeconds}
 * @param maxLifetime the longest lifetime a request may ask for, at most 24 hours
 */
@ConfigurationProperties("rtm-token.token")
public record TokenProperties(@DefaultValue("006") String defaultVersion, @DefaultValue("1h") Duration defaultLifetime,
        @DefaultValue("24h") Duration maxLifetime) {

    /** Agora caps RTM token lifetimes at 24 hours, and a 006 token's own expiry field is its issue time + 24 h. */
    static final Duration LONGEST_LIFETIME = Duration.ofHours(24);

    public TokenProperties {
        if (TokenVersion.of(defaultVersion).isEmpty()) {
            throw new IllegalArgumentException("rtm-token.token.default-version must be 006 or 007");
        }
        if (maxLifetime.getSeconds() < 1 || maxLifetime.compareTo(LONGEST_LIFETIME) > 0) {
            throw new IllegalArgumentException("rtm-token.token.max-lifetime must be between 1s and 24h");
        }
        if (defaultLifetime.getSeconds() < 1 || defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("rtm-token.token.default-lifetime must be between 1s and max-lifetime ("
                    + maxLifetime.getSeconds() + "s)");
        }
    }

    TokenVersion defaultTokenVersion() {
        return TokenVersion.of(defaultVersion).orElseThrow();
    }
}
