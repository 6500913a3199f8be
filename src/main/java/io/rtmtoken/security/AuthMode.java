package io.rtmtoken.security;

/** How callers of the token API prove who they are ({@code rtm-token.auth.mode}). */
public enum AuthMode {

    /** An OAuth2 access token (JWT) in {@code Authorization: Bearer}; callers mint only for their own user. */
    JWT,

    /** A shared secret in {@code X-API-Key}, for back ends that mint for any user. */
    API_KEY,

    /** No authentication: anyone who reaches the service may mint for any user. */
    NONE
}
