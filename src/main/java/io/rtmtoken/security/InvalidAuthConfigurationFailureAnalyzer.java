package io.rtmtoken.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an authentication setting failure at start-up into one clear message instead of a stack trace. */
class InvalidAuthConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAuthConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidAuthConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the " + cause.setting() + " setting. Choose how callers"
                + " authenticate with RTM_TOKEN_AUTH_MODE: jwt (with spring.security.oauth2.resourceserver.jwt.*),"
                + " api-key (with rtm-token.auth.api-keys.<name>=<SHA-256 hex of the key>) or none (open to anyone"
                + " who can reach the service). The demo profile (./mvnw spring-boot:run) uses none.", cause);
    }
}
