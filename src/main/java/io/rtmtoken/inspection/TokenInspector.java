package io.rtmtoken.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import io.rtmtoken.credentials.AgoraCredentials;
import io.rtmtoken.format.AppCertificate;
import io.rtmtoken.format.MalformedTokenException;
import io.rtmtoken.format.MalformedTokenException.Reason;
import io.rtmtoken.format.ServiceType;
import io.rtmtoken.format.Token006;
import io.rtmtoken.format.Token007;
import io.rtmtoken.inspection.InspectionReport.ServiceReport;

/** Decodes 006 and 007 tokens and checks them against the configured App ID and certificates. */
@Service
class TokenInspector {

    static final String PRIMARY = "primary";

    static final String SECONDARY = "secondary";

    /** In 006 tokens, privileges 1 to 4 are RTC's and 1000 is RTM login. */
    private static final int PRIVILEGE_006_RTC_MAX = 4;

    private final AgoraCredentials credentials;

    private final Clock clock;

    TokenInspector(AgoraCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * Inspects a token.
     *
     * @throws MalformedTokenException when the string is not a well-formed 006 or 007 token
     */
    InspectionReport inspect(String token, String userAccount) {
        if (token.startsWith(Token006.VERSION)) {
            return inspect006(Token006.parse(token), userAccount);
        }
        if (token.startsWith(Token007.VERSION)) {
            return inspect007(Token007.parse(token), userAccount);
        }
        throw new MalformedTokenException(Reason.BAD_VERSION, "the token does not start with 006 or 007");
    }

    private InspectionReport inspect006(Token006 token, String userAccount) {
        List<String> notes = new ArrayList<>();
        Instant tokenExpiresAt = Instant.ofEpochSecond(token.expireTs());

        Map<String, Instant> rtcPrivileges = new LinkedHashMap<>();
        Map<String, Instant> rtmPrivileges = new LinkedHashMap<>();
        Instant expiresAt = tokenExpiresAt;
        for (Map.Entry<Integer, Long> privilege : token.privileges().entrySet()) {
            Instant privilegeExpiresAt = privilege.getValue() == 0 ? null : Instant.ofEpochSecond(privilege.getValue());
            if (privilege.getKey() == Token006.PRIVILEGE_RTM_LOGIN) {
                rtmPrivileges.put(ServiceType.RTM.privilegeName(1), privilegeExpiresAt);
            }
            else if (privilege.getKey() <= PRIVILEGE_006_RTC_MAX) {
                rtcPrivileges.put(ServiceType.RTC.privilegeName(privilege.getKey()), privilegeExpiresAt);
            }
            else {
                rtmPrivileges.put(privilege.getKey().toString(), privilegeExpiresAt);
            }
            if (privilegeExpiresAt != null && privilegeExpiresAt.isBefore(expiresAt)) {
                expiresAt = privilegeExpiresAt;
            }
        }
        List<ServiceReport> services = new ArrayList<>();
        if (!rtcPrivileges.isEmpty()) {
            services.add(new ServiceReport(ServiceType.RTC.code(), ServiceType.RTC.displayName(), rtcPrivileges,
                    Map.of()));
        }
        if (!rtmPrivileges.isEmpty()) {
            services.add(new ServiceReport(ServiceType.RTM.code(), ServiceType.RTM.displayName(), rtmPrivileges,
                    Map.of()));
        }

        String matchedAccount = null;
        Optional<String> signedWith = Optional.empty();
        Boolean signatureValid = null;
        if (userAccount == null) {
            notes.add("A 006 token carries only a CRC of its user account, and its signature covers the account:"
                    + " give userAccount to check the signature.");
        }
        else if (!token.channelNameMatches(userAccount)) {
            notes.add("The token was not issued for user account '" + userAccount + "' (its CRC differs), so its"
                    + " signature cannot be checked.");
        }
        else {
            matchedAccount = userAccount;
            signedWith = signer(certificate -> token.verify(certificate, userAccount, ""));
            signatureValid = signedWith.isPresent();
        }
        return report(Token006.VERSION, token.appId(), matchedAccount, null, tokenExpiresAt, expiresAt,
                signatureValid, signedWith, services, token.salt(), notes);
    }

    private InspectionReport inspect007(Token007 token, String userAccount) {
        List<String> notes = new ArrayList<>();
        Instant issuedAt = Instant.ofEpochSecond(token.issueTs());
        Instant tokenExpiresAt = issuedAt.plusSeconds(token.expireSeconds());

        Instant expiresAt = tokenExpiresAt;
        List<ServiceReport> services = new ArrayList<>();
        for (io.rtmtoken.format.Service service : token.services()) {
            Optional<ServiceType> type = ServiceType.of(service.type());
            Map<String, Instant> privileges = new LinkedHashMap<>();
            for (Map.Entry<Integer, Long> privilege : service.privileges().entrySet()) {
                Instant privilegeExpiresAt = privilege.getValue() == 0 ? null
                        : issuedAt.plusSeconds(privilege.getValue());
                privileges.put(type.map(known -> known.privilegeName(privilege.getKey()))
                        .orElse(privilege.getKey().toString()), privilegeExpiresAt);
                if (privilegeExpiresAt != null && privilegeExpiresAt.isBefore(expiresAt)) {
                    expiresAt = privilegeExpiresAt;
                }
            }
            services.add(new ServiceReport(service.type(), type.map(ServiceType::displayName).orElse(null),
                    privileges, service.fields()));
            if (type.isEmpty()) {
                notes.add("Service type " + service.type() + " is not known here; its fields"
                        + (token.services().size() < token.serviceCount() ? " and the services after it" : "")
                        + " were not read.");
            }
        }

        String tokenAccount = token.service(ServiceType.RTM).or(() -> token.service(ServiceType.RTM2))
                .map(rtm -> rtm.stringField("userId")).orElse(null);
        if (tokenAccount == null) {
            notes.add("The token grants no RTM service.");
        }
        else if (userAccount != null && !userAccount.equals(tokenAccount)) {
            notes.add("The token is for user account '" + tokenAccount + "', not '" + userAccount + "'.");
        }
        Optional<String> signedWith = signer(token::verify);
        return report(Token007.VERSION, token.appId(), tokenAccount, issuedAt, tokenExpiresAt, expiresAt,
                signedWith.isPresent(), signedWith, services, token.salt(), notes);
    }

    private InspectionReport report(String version, String appId, String userAccount, Instant issuedAt,
            Instant tokenExpiresAt, Instant expiresAt, Boolean signatureValid, Optional<String> signedWith,
            List<ServiceReport> services, long salt, List<String> notes) {
        boolean appIdMatches = credentials.appId().equals(appId);
        if (!appIdMatches) {
            notes.add("The token is for App ID " + appId + ", not this service's " + credentials.appId() + ".");
        }
        if (Boolean.FALSE.equals(signatureValid)) {
            notes.add("No configured App Certificate signed this token.");
        }
        return new InspectionReport(version, appId, appIdMatches, userAccount, issuedAt, tokenExpiresAt, expiresAt,
                !clock.instant().isBefore(expiresAt), signatureValid, signedWith.orElse(null), services, salt,
                notes.isEmpty() ? null : String.join(" ", notes));
    }

    /** Returns which configured certificate verifies the token, trying the primary first. */
    private Optional<String> signer(Predicate<AppCertificate> verifies) {
        if (verifies.test(credentials.primary())) {
            return Optional.of(PRIMARY);
        }
        return credentials.secondary().filter(verifies).map(secondary -> SECONDARY);
    }
}
