package io.rtmtoken.credentials;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Validates the Agora credentials at start-up and says which ones are in use. */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    /** App ID of the demo profile: tokens signed for it are refused by Agora. */
    static final String DEMO_APP_ID = "00000000000000000000000000000000";

    private static final Log logger = LogFactory.getLog(CredentialsConfiguration.class);

    @Bean
    AgoraCredentials agoraCredentials(AgoraProperties properties) {
        AgoraCredentials credentials = AgoraCredentials.from(properties);
        logger.info("Signing RTM tokens for App ID " + credentials.appId() + " with certificate "
                + credentials.primary().fingerprint() + credentials.secondary()
                        .map(secondary -> "; also accepting secondary certificate " + secondary.fingerprint())
                        .orElse(""));
        return credentials;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenDemoCredentials(ApplicationReadyEvent event) {
        AgoraCredentials credentials = event.getApplicationContext().getBean(AgoraCredentials.class);
        if (DEMO_APP_ID.equals(credentials.appId())) {
            logger.warn("*** DEMO CREDENTIALS: this service signs tokens with the demo profile's fake App ID and"
                    + " certificate. Agora will reject every token it issues. Set AGORA_APP_ID and"
                    + " AGORA_APP_CERTIFICATE to your project's values. ***");
        }
    }
}
