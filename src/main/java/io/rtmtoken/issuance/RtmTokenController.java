package io.rtmtoken.issuance;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rtmtoken.problem.InvalidRequestException;
import io.rtmtoken.problem.ParameterError;
import io.rtmtoken.security.Audit;
import io.rtmtoken.security.UserBinding;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /rtm-token}: validates the request, checks the caller may act for the user, and mints a token. Its
 * OpenAPI description is in {@link OpenApiConfiguration}.
 */
@RestController
class RtmTokenController {

    private static final Log logger = LogFactory.getLog(RtmTokenController.class);

    private final RtmTokenIssuer issuer;

    private final TokenProperties properties;

    private final UserBinding userBinding;

    RtmTokenController(RtmTokenIssuer issuer, TokenProperties properties, UserBinding userBinding) {
        this.issuer = issuer;
        this.properties = properties;
        this.userBinding = userBinding;
    }

    @GetMapping("/rtm-token")
    ResponseEntity<TokenResponse> token(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest servletRequest) {
        TokenRequest request = TokenRequest.from(parameters, properties, userBinding.userAccountRequired());
        String userAccount = userBinding.userAccountFor(request.userAccount());
        if (!UserAccounts.isValid(userAccount)) {
            throw new InvalidRequestException(List.of(new ParameterError(TokenRequest.USER_ACCOUNT, userAccount,
                    "defaults to the caller's " + userBinding.userClaim() + " claim, which must be "
                            + UserAccounts.RULE)));
        }

        IssuedToken issued = issuer.issue(userAccount, request.version(), request.expireSeconds());
        Audit.recordIssued(servletRequest, issued.userAccount(), issued.version().label(), request.expireSeconds());
        if (logger.isDebugEnabled()) {
            logger.debug("Issued a " + issued.version() + " token for user '" + issued.userAccount() + "' valid for "
                    + request.expireSeconds() + " s");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(issued));
    }
}
