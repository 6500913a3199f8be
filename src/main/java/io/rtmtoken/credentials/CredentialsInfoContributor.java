package io.rtmtoken.credentials;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows on {@code /actuator/info} which certificates are configured, by fingerprint only. */
@Component
class CredentialsInfoContributor implements InfoContributor {

    private final AgoraCredentials credentials;

    CredentialsInfoContributor(AgoraCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, String> certificates = new LinkedHashMap<>();
        certificates.put("primary", credentials.primary().fingerprint());
        credentials.secondary().ifPresent(secondary -> certificates.put("secondary", secondary.fingerprint()));
        builder.withDetail("agora", Map.of("appId", credentials.appId(), "certificateSha256Prefixes", certificates));
    }
}
