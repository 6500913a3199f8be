package io.rtmtoken.issuance;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * {@code GET /rtm-token}: validates the request and returns a freshly minted token. Its OpenAPI description is in
 * {@link OpenApiConfiguration}.
 */
@RestController
class RtmTokenController {

    private static final Log logger = LogFactory.getLog(RtmTokenController.class);

    private final RtmTokenIssuer issuer;

    private final TokenProperties properties;

    RtmTokenController(RtmTokenIssuer issuer, TokenProperties properties) {
        this.issuer = issuer;
        this.properties = properties;
    }

    @GetMapping("/rtm-token")
    ResponseEntity<TokenResponse> token(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        TokenRequest request = TokenRequest.from(parameters, properties);

        IssuedToken issued = issuer.issue(request.userAccount(), request.version(), request.expireSeconds());
        if (logger.isDebugEnabled()) {
            logger.debug("Issued a " + issued.version() + " token for user '" + issued.userAccount() + "' valid for "
                    + request.expireSeconds() + " s");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(issued));
    }
}
