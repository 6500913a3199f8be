package io.rtmtoken.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a token holds and whether a configured certificate signed it.
 *
 * @param version {@code 006} or {@code 007}
 * @param appId the App ID in the token
 * @param appIdMatches whether it is the App ID this service is configured with
 * @param userAccount the RTM user: carried by 007 tokens; for 006 tokens, the given account when its CRC matches
 * @param issuedAt issue time; 007 only, 006 tokens do not carry it
 * @param tokenExpiresAt the token's own expiry field (006) or issue time + lifetime (007)
 * @param expiresAt the earliest of the token's expiry and its privileges' expiries
 * @param expired whether {@code expiresAt} has passed
 * @param signatureValid whether a configured certificate signed the token; null when it could not be checked
 * @param signedWith {@code primary}, {@code secondary}, or null when no configured certificate verifies it
 * @param services the services and privileges, with absolute expiry times (null: no expiry of its own)
 * @param salt the token's salt
 * @param note why a check could not be made, or what looks wrong; null when all is well
 */
record InspectionReport(String version, String appId, boolean appIdMatches, String userAccount, Instant issuedAt,
        Instant tokenExpiresAt, Instant expiresAt, boolean expired, Boolean signatureValid, String signedWith,
        List<ServiceReport> services, long salt, String note) {

    /**
     * One service granted by the token.
     *
     * @param type the service type code
     * @param name its name, or null for a type this service does not know
     * @param privileges privilege name to absolute expiry
     * @param fields the service's own fields, such as a user or channel
     */
    record ServiceReport(int type, String name, Map<String, Instant> privileges, Map<String, Object> fields) {
    }
}
