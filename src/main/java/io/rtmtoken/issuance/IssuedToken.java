package io.rtmtoken.issuance;

import java.time.Instant;

/**
 * A token just minted.
 *
 * @param token the token string
 * @param version its version
 * @param userAccount the RTM user it lets log in
 * @param issuedAt when it was issued, to the second
 * @param expiresAt when the login privilege ends
 */
public record IssuedToken(String token, TokenVersion version, String userAccount, Instant issuedAt,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[version=" + version + ", userAccount=" + userAccount + ", issuedAt=" + issuedAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
