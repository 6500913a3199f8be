package io.rtmtoken.issuance;

import java.time.Instant;

/**
 * The body of a successful {@code GET /rtm-token}.
 *
 * @param token the RTM token to pass to the SDK's login
 * @param version {@code 006} or {@code 007}
 * @param userAccount the user the token is for
 * @param role always {@code rtm_user}
 * @param issuedAt when it was issued
 * @param expiresAt when login with it stops working
 */
record TokenResponse(String token, String version, String userAccount, String role, Instant issuedAt,
        Instant expiresAt) {

    static TokenResponse of(IssuedToken issued) {
        return new TokenResponse(issued.token(), issued.version().label(), issued.userAccount(),
                TokenRequest.ROLE_RTM_USER, issued.issuedAt(), issued.expiresAt());
    }

    @Override
    public String toString() {
        return "TokenResponse[version=" + version + ", userAccount=" + userAccount + "]";
    }
}
