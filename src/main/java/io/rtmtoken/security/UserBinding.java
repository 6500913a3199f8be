package io.rtmtoken.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import io.rtmtoken.problem.UserNotAllowedException;

/**
 * Decides which RTM user the current caller may mint for: a JWT caller only for the user its claim names (unless it
 * holds the any-user scope); API-key and unauthenticated callers for any user.
 */
@Component
public class UserBinding {

    private final AuthSettings settings;

    UserBinding(AuthSettings settings) {
        this.settings = settings;
    }

    /** Tells whether a request must name its {@code userAccount}; in jwt mode it defaults to the caller's claim. */
    public boolean userAccountRequired() {
        return settings.mode() != AuthMode.JWT;
    }

    /** The JWT claim a caller's user account must equal. */
    public String userClaim() {
        return settings.userClaim();
    }

    /**
     * Returns the user account to mint for.
     *
     * @param requested the validated {@code userAccount} parameter, or null when the request gave none
     * @return the requested account, or when none was requested the caller's claim, which the caller must check
     *     against the user account rule
     * @throws UserNotAllowedException when the caller may not mint for the requested user
     */
    public String userAccountFor(String requested) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return requested;
        }

        String claim = jwt.getToken().getClaimAsString(settings.userClaim());
        boolean anyUser = jwt.getAuthorities().stream()
                .anyMatch(authority -> ("SCOPE_" + settings.anyUserScope()).equals(authority.getAuthority()));
        if (requested != null && (anyUser || requested.equals(claim))) {
            return requested;
        }
        if (claim == null) {
            throw new UserNotAllowedException("The caller's token has no " + settings.userClaim() + " claim, so "
                    + (requested == null ? "userAccount cannot default to it."
                            : "it may not request tokens for userAccount '" + requested + "'."));
        }
        if (requested != null) {
            throw new UserNotAllowedException("The caller may request tokens only for userAccount '" + claim
                    + "' (its " + settings.userClaim() + " claim), not '" + requested + "'.");
        }
        return claim;
    }
}
