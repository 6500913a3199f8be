package io.rtmtoken.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caller authentication, bound from {@code rtm-token.auth.*}; validated by {@link AuthSettings}.
 *
 * @param mode {@code jwt}, {@code api-key} or {@code none}; no default outside the demo profile
 * @param userClaim the JWT claim a caller's {@code userAccount} must equal
 * @param anyUserScope the JWT scope that lets a caller mint for any user
 * @param apiKeys SHA-256 hashes (64 hex characters) of the accepted API keys, by key name
 */
@ConfigurationProperties("rtm-token.auth")
public record AuthProperties(AuthMode mode, @DefaultValue("sub") String userClaim,
        @DefaultValue("rtm-token:any-user") String anyUserScope, Map<String, String> apiKeys) {

    public AuthProperties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }

    @Override
    public String toString() {
        return "AuthProperties[mode=" + mode + ", userClaim=" + userClaim + ", anyUserScope=" + anyUserScope
                + ", apiKeys=" + apiKeys.keySet() + "]";
    }
}
