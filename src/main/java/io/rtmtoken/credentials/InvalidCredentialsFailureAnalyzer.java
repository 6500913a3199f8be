package io.rtmtoken.credentials;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a credentials failure at start-up into one clear message instead of a stack trace. */
class InvalidCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCredentialsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCredentialsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Provide the " + cause.setting() + " setting from Agora"
                + " Console (Project > Config). To try the service without an Agora project, run it with the demo"
                + " profile: ./mvnw spring-boot:run", cause);
    }
}
