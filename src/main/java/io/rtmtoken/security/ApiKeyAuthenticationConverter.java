package io.rtmtoken.security;

import org.springframework.security.web.authentication.AuthenticationConverter;

import jakarta.servlet.http.HttpServletRequest;

/** Reads the API key from the {@code X-API-Key} header, and only from there. */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

    static final String HEADER = "X-API-Key";

    @Override
    public ApiKeyAuthentication convert(HttpServletRequest request) {
        String presentedKey = request.getHeader(HEADER);
        return presentedKey == null ? null : ApiKeyAuthentication.unauthenticated(presentedKey.strip());
    }
}
