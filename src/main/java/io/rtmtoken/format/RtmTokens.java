package io.rtmtoken.format;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Agora RTM tokens as the reference {@code RtmTokenBuilder} (006) and {@code RtmTokenBuilder2} (007) build them. */
public final class RtmTokens {

    /** Lifetime of a 006 token's own expiry field, counted from its issue time, as the reference sets it. */
    public static final long TOKEN_006_TS_OFFSET_SECONDS = 24 * 3600;

    private RtmTokens() {
    }

    /**
     * Builds a 006 RTM token: the user account takes the channel-name position and the uid is empty.
     *
     * @param expireTs the token's own expiry field, Unix seconds (the reference uses issue time + 24 h)
     * @param loginExpireTs when the login privilege expires, Unix seconds
     */
    public static String build006(String appId, AppCertificate certificate, String userAccount, long salt,
            long expireTs, long loginExpireTs) {
        SortedMap<Integer, Long> privileges = new TreeMap<>();
        privileges.put(Token006.PRIVILEGE_RTM_LOGIN, loginExpireTs);
        return Token006.build(appId, certificate, userAccount, "", salt, expireTs, privileges);
    }

    /** Builds a 007 RTM token valid for the lifetime, with the login privilege for the same lifetime. */
    public static String build007(String appId, AppCertificate certificate, String userAccount, long issueTs,
            long expireSeconds, long salt) {
        return Token007.build(appId, certificate, issueTs, expireSeconds, salt,
                List.of(Service.rtm(userAccount, expireSeconds)));
    }
}
