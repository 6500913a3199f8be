package io.rtmtoken.issuance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import io.rtmtoken.problem.InvalidRequestException;
import io.rtmtoken.problem.ParameterError;

/**
 * A validated {@code GET /rtm-token} request.
 *
 * @param userAccount the RTM user account, or null when the request gave none and it defaults to the caller's
 * @param version the token version
 * @param expireSeconds the token's lifetime
 */
record TokenRequest(String userAccount, TokenVersion version, long expireSeconds) {

    static final String USER_ACCOUNT = "userAccount";

    static final String ROLE = "role";

    static final String EXPIRE_SECONDS = "expireSeconds";

    static final String VERSION = "version";

    /** The only RTM role; {@code 1} is its numeric form in Agora's builders. */
    static final String ROLE_RTM_USER = "rtm_user";

    private static final Set<String> PARAMETERS = Set.of(USER_ACCOUNT, ROLE, EXPIRE_SECONDS, VERSION);

    /** Validates every parameter, {@code userAccount} included, and reports all problems at once. */
    static TokenRequest from(MultiValueMap<String, String> parameters, TokenProperties properties) {
        return from(parameters, properties, true);
    }

    /**
     * Validates every parameter and reports all problems at once.
     *
     * @param userAccountRequired false when a missing {@code userAccount} defaults to the caller's own; the record's
     *     {@code userAccount} is then null
     * @throws InvalidRequestException listing each bad parameter, its value and the rule
     */
    static TokenRequest from(MultiValueMap<String, String> parameters, TokenProperties properties,
            boolean userAccountRequired) {
        List<ParameterError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                errors.add(new ParameterError(parameter.getKey(), parameter.getValue().get(0),
                        "is not a parameter of this endpoint; use userAccount, role, expireSeconds or version"));
            }
            else if (parameter.getValue().size() > 1) {
                errors.add(new ParameterError(parameter.getKey(), String.join(",", parameter.getValue()),
                        "must be given at most once"));
            }
        }

        String userAccount = parameters.getFirst(USER_ACCOUNT);
        if (userAccount == null && userAccountRequired) {
            errors.add(new ParameterError(USER_ACCOUNT, null, "is required: " + UserAccounts.RULE));
        }
        else if (userAccount != null && !UserAccounts.isValid(userAccount)) {
            errors.add(new ParameterError(USER_ACCOUNT, userAccount, "must be " + UserAccounts.RULE));
        }

        String role = parameters.getFirst(ROLE);
        if (role != null && !ROLE_RTM_USER.equals(role) && !"1".equals(role)) {
            errors.add(new ParameterError(ROLE, role, "must be rtm_user (or 1), the only RTM role"));
        }

        String versionLabel = parameters.getFirst(VERSION);
        TokenVersion version = versionLabel == null ? properties.defaultTokenVersion()
                : TokenVersion.of(versionLabel).orElse(null);
        if (version == null) {
            errors.add(new ParameterError(VERSION, versionLabel, "must be 006 or 007"));
        }

        long maxSeconds = properties.maxLifetime().getSeconds();
        String expireText = parameters.getFirst(EXPIRE_SECONDS);
        long expireSeconds = expireText == null ? properties.defaultLifetime().getSeconds()
                : parseSeconds(expireText, maxSeconds);
        if (expireSeconds < 1) {
            errors.add(new ParameterError(EXPIRE_SECONDS, expireText,
                    "must be a whole number of seconds from 1 to " + maxSeconds));
        }

        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TokenRequest(userAccount, version, expireSeconds);
    }

    /** Returns the seconds, or -1 when the text is not a whole number in 1..max. */
    private static long parseSeconds(String text, long maxSeconds) {
        if (text.isEmpty() || text.length() > 10) {
            return -1;
        }
        long seconds = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            seconds = seconds * 10 + digit;
        }
        return seconds <= maxSeconds ? seconds : -1;
    }
}
