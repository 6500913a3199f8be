package io.rtmtoken.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import io.rtmtoken.observability.RequestIdFilter;
import io.rtmtoken.problem.ProblemWriter;
import jakarta.servlet.DispatcherType;

/**
 * Protects the token API: authentication by the configured mode, per-caller rate limits, CORS for browser apps and
 * an audit line per token request. Actuator endpoints (health, info) and the API documentation stay open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

    private static final String[] DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
        "/swagger-ui.html"};

    @Bean
    AuthSettings authSettings(AuthProperties properties, OAuth2ResourceServerProperties resourceServer) {
        AuthSettings settings = AuthSettings.from(properties, resourceServer.getJwt());
        logger.info(switch (settings.mode()) {
            case JWT -> "Callers authenticate with JWTs from " + resourceServer.getJwt().getIssuerUri()
                    + " for audiences " + resourceServer.getJwt().getAudiences() + "; each mints only for its "
                    + settings.userClaim() + " claim unless it holds scope " + settings.anyUserScope();
            case API_KEY -> "Callers authenticate with the API keys " + settings.apiKeys().names();
            case NONE -> "Callers are not authenticated (rtm-token.auth.mode=none)";
        });
        return settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOpen(ApplicationReadyEvent event) {
        if (event.getApplicationContext().getBean(AuthSettings.class).mode() == AuthMode.NONE) {
            logger.warn("*** OPEN SERVICE: rtm-token.auth.mode is none, so anyone who can reach this service can"
                    + " mint a token for any user. Use jwt or api-key when the service is reachable from the"
                    + " internet. ***");
        }
    }

    /**
     * Spring Security's own observations (a timer around every filter, authentication and authorization) are off:
     * they cost more CPU than minting the token, and {@code rtm.token.requests} and {@code http.server.requests}
     * already count every outcome, including 401, 403 and 429.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CallerBuckets callerBuckets(RateLimitProperties properties) {
        return new CallerBuckets(properties.maxCallers());
    }

    /** Actuator endpoints: only health and info are exposed, and probes must not need credentials. */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(EndpointRequest.toAnyEndpoint()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthSettings settings, ProblemWriter problems,
            CorsProperties cors, RateLimitProperties rateLimits, CallerBuckets buckets, Clock clock)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(settings.mode(), problems);

        stateless(http).exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(requests -> authorize(requests, settings.mode()))
                .addFilterAfter(new AuditFilter(clock), SecurityContextHolderFilter.class)
                .addFilterAt(corsFilter(cors, problems), CorsFilter.class);
        switch (settings.mode()) {
            case JWT -> http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                    .bearerTokenResolver(headerOnly()).authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(entryPoint));
            case API_KEY -> http.addFilterBefore(apiKeyFilter(settings.apiKeys(), entryPoint),
                    AnonymousAuthenticationFilter.class);
            case NONE -> {
            }
        }
        if (rateLimits.enabled()) {
            http.addFilterAfter(new RateLimitFilter(rateLimits, buckets, problems), AuthorizationFilter.class);
        }
        return http.build();
    }

    /** Credentials travel in headers, never in cookies: no session, no CSRF token, no saved requests. */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable()).logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            AuthMode mode) {
        requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll().requestMatchers(DOCUMENTATION).permitAll()
                .requestMatchers("/error").permitAll();
        if (mode == AuthMode.NONE) {
            requests.anyRequest().permitAll();
        }
        else {
            requests.requestMatchers(ApiPaths.PATTERNS).authenticated().anyRequest().denyAll();
        }
    }

    /** Reads bearer tokens from the Authorization header only: a token in a URL ends up in access logs. */
    private static DefaultBearerTokenResolver headerOnly() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        resolver.setAllowUriQueryParameter(false);
        resolver.setAllowFormEncodedBodyParameter(false);
        return resolver;
    }

    private static AuthenticationFilter apiKeyFilter(ApiKeys apiKeys, ProblemAuthenticationEntryPoint entryPoint) {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(new ApiKeyAuthenticationProvider(apiKeys)), new ApiKeyAuthenticationConverter());
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
        return filter;
    }

    /** Cross-origin requests to the API from origins not listed are refused with a 403 problem, before any work. */
    private static CorsFilter corsFilter(CorsProperties cors, ProblemWriter problems) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                ApiKeyAuthenticationConverter.HEADER, RequestIdFilter.HEADER));
        configuration.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", RequestIdFilter.HEADER));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofMinutes(10));

        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String pattern : ApiPaths.PATTERNS) {
            source.registerCorsConfiguration(pattern, configuration);
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }
}
