package io.rtmtoken.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is asking: a JWT subject, an API key's name, or, without authentication, the client address.
 *
 * @param kind how the caller was identified
 * @param name the subject, key name or IP address
 */
record Caller(Kind kind, String name) {

    enum Kind {

        /** An end user identified by a JWT. */
        SUBJECT("jwt"),

        /** A back end identified by an API key's name. */
        API_KEY("api-key"),

        /** An unauthenticated client identified by the socket's (or the trusted proxy's) address. */
        ADDRESS("ip");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Identifies the caller from the authentication the security filters established. */
    static Caller of(Authentication authentication, HttpServletRequest request) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new Caller(Kind.SUBJECT, jwt.getName());
        }
        if (authentication instanceof ApiKeyAuthentication apiKey && apiKey.isAuthenticated()) {
            return new Caller(Kind.API_KEY, apiKey.getName());
        }
        return new Caller(Kind.ADDRESS, request.getRemoteAddr());
    }

    /** The caller as one token, such as {@code jwt:alice}, {@code api-key:backend} or {@code ip:10.0.0.7}. */
    @Override
    public String toString() {
        return kind.label + ":" + name;
    }
}
