package io.rtmtoken.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API-key caller: before authentication it holds the presented key, after it only the key's name. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final String keyName;

    private transient String presentedKey;

    private ApiKeyAuthentication(String keyName, String presentedKey, boolean authenticated) {
        super(List.of());
        this.keyName = keyName;
        this.presentedKey = presentedKey;
        setAuthenticated(authenticated);
    }

    static ApiKeyAuthentication unauthenticated(String presentedKey) {
        return new ApiKeyAuthentication(null, presentedKey, false);
    }

    static ApiKeyAuthentication authenticated(String keyName) {
        return new ApiKeyAuthentication(keyName, null, true);
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public Object getPrincipal() {
        return keyName;
    }

    @Override
    public String getName() {
        return keyName;
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[keyName=" + keyName + ", authenticated=" + isAuthenticated() + "]";
    }
}
