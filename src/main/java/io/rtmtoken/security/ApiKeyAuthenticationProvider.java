package io.rtmtoken.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Accepts an API key whose SHA-256 hash is configured, and names the caller after the key. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationProvider(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presentedKey = (String) authentication.getCredentials();

        return apiKeys.nameOf(presentedKey).map(ApiKeyAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("The API key in " + ApiKeyAuthenticationConverter.HEADER
                        + " is not one this service accepts."));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
