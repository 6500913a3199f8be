package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.rtmtoken.problem.UserNotAllowedException;

/** The binding rules with a configured claim and scope, on authentications built by hand. */
class UserBindingTest {

    private final UserBinding binding = new UserBinding(
            new AuthSettings(AuthMode.JWT, "rtm_user", "chat:impersonate", null));

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void userAccountForWhenConfiguredClaimMatchesThenRequestedUser() {
        authenticate(jwt("user-1").claim("rtm_user", "alice").build(), List.of());

        assertThat(binding.userAccountFor("alice")).isEqualTo("alice");
        assertThat(binding.userAccountFor(null)).isEqualTo("alice");
        assertThat(binding.userAccountRequired()).isFalse();
    }

    @Test
    void userAccountForWhenOnlySubjectMatchesThenNotAllowed() {
        authenticate(jwt("alice").claim("rtm_user", "alice2").build(), List.of());

        assertThatExceptionOfType(UserNotAllowedException.class).isThrownBy(() -> binding.userAccountFor("alice"))
                .withMessage("The caller may request tokens only for userAccount 'alice2' (its rtm_user claim),"
                        + " not 'alice'.");
    }

    @Test
    void userAccountForWhenConfiguredScopeThenAnyUser() {
        authenticate(jwt("service").build(), List.of("SCOPE_chat:impersonate"));

        assertThat(binding.userAccountFor("bob")).isEqualTo("bob");
    }

    @Test
    void userAccountForWhenNotJwtCallerThenRequestedUser() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(binding.userAccountFor("bob")).isEqualTo("bob");
    }

    private static Jwt.Builder jwt(String subject) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60));
    }

    private static void authenticate(Jwt jwt, List<String> authorities) {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt,
                authorities.stream().map(SimpleGrantedAuthority::new).toList()));
    }
}
