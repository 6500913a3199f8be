package io.rtmtoken.inspection;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.rtmtoken.problem.InvalidRequestException;
import io.rtmtoken.problem.ParameterError;

/** {@code POST /rtm-token/inspect}: decodes a token and checks it against this service's credentials. */
@RestController
class InspectionController {

    /** Longest user account accepted for comparison; Agora's own rule allows 64. */
    static final int MAX_USER_ACCOUNT_LENGTH = 255;

    private static final Log logger = LogFactory.getLog(InspectionController.class);

    private final TokenInspector inspector;

    InspectionController(TokenInspector inspector) {
        this.inspector = inspector;
    }

    @PostMapping(path = "/rtm-token/inspect", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InspectionReport> inspect(@RequestBody InspectionRequest request) {
        validate(request);

        InspectionReport report = inspector.inspect(request.token(), request.userAccount());
        if (logger.isDebugEnabled()) {
            logger.debug("Inspected a " + report.version() + " token for user '" + report.userAccount()
                    + "': signature " + (report.signatureValid() == null ? "not checked" : report.signatureValid()
                            ? "valid (" + report.signedWith() + ")" : "invalid") + ", expired " + report.expired());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report);
    }

    private static void validate(InspectionRequest request) {
        List<ParameterError> errors = new ArrayList<>();
        if (request.token() == null || request.token().isEmpty()) {
            errors.add(new ParameterError("token", null, "is required: a 006 or 007 Agora token"));
        }
        if (request.userAccount() != null
                && (request.userAccount().isEmpty() || request.userAccount().length() > MAX_USER_ACCOUNT_LENGTH)) {
            errors.add(new ParameterError("userAccount", request.userAccount(),
                    "must be 1 to " + MAX_USER_ACCOUNT_LENGTH + " characters when given"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
