package io.rtmtoken.credentials;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Agora project's credentials, bound from {@code agora.*}; validated by {@link AgoraCredentials}.
 *
 * @param appId the project's App ID, 32 hex characters (env {@code AGORA_APP_ID})
 * @param appCertificate the App Certificate that signs tokens (env {@code AGORA_APP_CERTIFICATE})
 * @param secondaryAppCertificate an optional second certificate accepted during rotation
 *     (env {@code AGORA_SECONDARY_APP_CERTIFICATE})
 */
@ConfigurationProperties("agora")
public record AgoraProperties(String appId, String appCertificate, String secondaryAppCertificate) {

    @Override
    public String toString() {
        return "AgoraProperties[appId=" + appId + ", certificates hidden]";
    }
}
