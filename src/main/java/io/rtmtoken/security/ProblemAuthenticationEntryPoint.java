package io.rtmtoken.security;

import java.io.IOException;
import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.rtmtoken.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers missing or rejected credentials with 401, and refused access with 403, as problems. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final URI UNAUTHENTICATED = URI.create("urn:rtm-token:problem:unauthenticated");

    static final URI ACCESS_DENIED = URI.create("urn:rtm-token:problem:access-denied");

    private static final Log logger = LogFactory.getLog(ProblemAuthenticationEntryPoint.class);

    private final AuthMode mode;

    private final ProblemWriter problems;

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();

    ProblemAuthenticationEntryPoint(AuthMode mode, ProblemWriter problems) {
        this.mode = mode;
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (mode == AuthMode.JWT) {
            bearerChallenge.commence(request, response, exception);
        }
        String detail = detail(exception);
        if (logger.isDebugEnabled()) {
            logger.debug("Rejected " + request.getMethod() + " " + request.getRequestURI() + " from "
                    + request.getRemoteAddr() + ": " + detail);
        }

        problems.write(response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Authentication required", detail,
                request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (logger.isDebugEnabled()) {
            logger.debug("Denied " + request.getMethod() + " " + request.getRequestURI() + " to "
                    + request.getRemoteAddr());
        }
        problems.write(response, HttpStatus.FORBIDDEN, ACCESS_DENIED, "Access denied",
                "The caller may not use this endpoint.", request.getRequestURI());
    }

    /** Says what was wrong without repeating the credential: Spring Security's messages never contain it. */
    private String detail(AuthenticationException exception) {
        if (exception instanceof InvalidBearerTokenException) {
            return "The bearer token was rejected: " + exception.getMessage();
        }
        if (mode == AuthMode.API_KEY && exception instanceof BadCredentialsException) {
            return exception.getMessage();
        }
        return switch (mode) {
            case JWT -> "Send an access token for this service in the Authorization header: Bearer <token>.";
            case API_KEY -> "Send the API key in the " + ApiKeyAuthenticationConverter.HEADER + " header.";
            case NONE -> "Authentication is required.";
        };
    }
}
