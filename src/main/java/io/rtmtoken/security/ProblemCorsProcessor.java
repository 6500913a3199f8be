package io.rtmtoken.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import io.rtmtoken.problem.ProblemWriter;

/** Spring's CORS checks, with a refused cross-origin request answered as a 403 problem. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    static final URI ORIGIN_NOT_ALLOWED = URI.create("urn:rtm-token:problem:origin-not-allowed");

    private final ProblemWriter problems;

    ProblemCorsProcessor(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        problems.write(((ServletServerHttpResponse) response).getServletResponse(), HttpStatus.FORBIDDEN,
                ORIGIN_NOT_ALLOWED, "Origin not allowed", "Pages from this origin may not call this service;"
                        + " the allowed origins are set in rtm-token.cors.allowed-origins.", null);
    }
}
