package io.rtmtoken.problem;

import java.net.URI;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.rtmtoken.format.MalformedTokenException;

/** Answers every failure as an RFC 9457 problem; framework errors (404, 405, ...) come from the base class. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final URI INVALID_PARAMETERS = URI.create("urn:rtm-token:problem:invalid-parameters");

    static final URI USER_NOT_ALLOWED = URI.create("urn:rtm-token:problem:user-not-allowed");
    static final URI MALFORMED_TOKEN = URI.create("urn:rtm-token:problem:malformed-token");

    private static final Log log = LogFactory.getLog(ProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
        if (log.isDebugEnabled()) {
            log.debug("Rejected request: " + ex.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setType(INVALID_PARAMETERS);
        problem.setTitle("Invalid request parameters");
        problem.setProperty("errors", ex.errors());
        return problem(problem);
    }

    /** Tomcat refuses a query string or form body it cannot decode (broken percent-encoding, a nameless pair). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException ex) {
        if (log.isDebugEnabled()) {
            log.debug("Rejected request with undecodable parameters");
        }
        HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
                "The request's parameters cannot be decoded: each must be name=value with a non-empty name, "
                        + "percent-encoded as UTF-8");
        problem.setType(INVALID_PARAMETERS);
        problem.setTitle("Invalid request parameters");
        return problem(problem);
    }

    @ExceptionHandler(UserNotAllowedException.class)
    ResponseEntity<ProblemDetail> userNotAllowed(UserNotAllowedException ex) {
        if (log.isDebugEnabled()) {
            log.debug("Denied request: " + ex.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setType(USER_NOT_ALLOWED);
        problem.setTitle("User not allowed for this caller");
        return problem(problem);
    }

    /** Spring Security's firewall refuses a parameter name it finds unsafe when the controller reads the map. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedByFirewall(RequestRejectedException ex) {
        if (log.isDebugEnabled()) {
            log.debug("Rejected request refused by the HTTP firewall");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A parameter name holds a character that is not allowed, such as a control character");
        problem.setType(INVALID_PARAMETERS);
        problem.setTitle("Invalid request parameters");
        return problem(problem);
    }

    @ExceptionHandler(MalformedTokenException.class)
    ResponseEntity<ProblemDetail> malformedToken(MalformedTokenException ex) {
        if (log.isDebugEnabled()) {
            log.debug("Rejected a malformed token: " + ex.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Not a well-formed Agora token: " + ex.getMessage() + ".");
        problem.setType(MALFORMED_TOKEN);
        problem.setTitle("Malformed token");
        problem.setProperty("reason", ex.reason().name().toLowerCase(Locale.ROOT));
        return problem(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Request failed unexpectedly", ex);
        return problem(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to handle the request."));
    }

    static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
