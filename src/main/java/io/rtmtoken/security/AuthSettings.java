package io.rtmtoken.security;

import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.util.StringUtils;

/** The validated authentication settings: the mode, and the API keys when the mode uses them. */
record AuthSettings(AuthMode mode, String userClaim, String anyUserScope, ApiKeys apiKeys) {

    static final String MODE = "rtm-token.auth.mode";

    private static final String JWT_PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    /**
     * Checks that the chosen mode has what it needs.
     *
     * @throws InvalidAuthConfigurationException naming the missing or bad setting
     */
    static AuthSettings from(AuthProperties properties, OAuth2ResourceServerProperties.Jwt jwt) {
        if (properties.mode() == null) {
            throw new InvalidAuthConfigurationException(MODE, "No authentication mode is set. Set the environment"
                    + " variable RTM_TOKEN_AUTH_MODE (property " + MODE + ") to jwt, api-key or none; none must"
                    + " be chosen explicitly because it lets anyone mint tokens for any user.");
        }
        if (!StringUtils.hasText(properties.userClaim()) || !StringUtils.hasText(properties.anyUserScope())) {
            throw new InvalidAuthConfigurationException("rtm-token.auth.user-claim",
                    "rtm-token.auth.user-claim and rtm-token.auth.any-user-scope must not be blank.");
        }
        if (properties.mode() == AuthMode.JWT) {
            requireJwtSettings(jwt);
        }
        ApiKeys apiKeys = properties.mode() == AuthMode.API_KEY ? ApiKeys.from(properties.apiKeys()) : null;
        return new AuthSettings(properties.mode(), properties.userClaim(), properties.anyUserScope(), apiKeys);
    }

    private static void requireJwtSettings(OAuth2ResourceServerProperties.Jwt jwt) {
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            throw new InvalidAuthConfigurationException(JWT_PREFIX + "issuer-uri", "jwt mode needs the issuer of"
                    + " accepted tokens: set " + JWT_PREFIX + "issuer-uri (and " + JWT_PREFIX + "jwk-set-uri when"
                    + " the issuer does not publish OpenID discovery); every token's iss claim must equal it.");
        }
        List<String> audiences = jwt.getAudiences();
        if (audiences == null || audiences.stream().noneMatch(StringUtils::hasText)) {
            throw new InvalidAuthConfigurationException(JWT_PREFIX + "audiences", "jwt mode needs the audience"
                    + " of accepted tokens: set " + JWT_PREFIX + "audiences to the identifier your authorization"
                    + " server puts in the aud claim of tokens meant for this service.");
        }
    }
}
