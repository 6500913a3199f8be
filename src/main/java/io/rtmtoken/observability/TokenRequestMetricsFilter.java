package io.rtmtoken.observability;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rtmtoken.issuance.TokenProperties;
import io.rtmtoken.issuance.TokenVersion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts {@code GET /rtm-token} requests by token version and outcome. It runs ahead of every other filter, so it
 * also sees requests that a filter answers before the controller runs (401, 403, 429).
 */
final class TokenRequestMetricsFilter extends OncePerRequestFilter {

    static final String METER_NAME = "rtm.token.requests";

    static final String UNKNOWN_VERSION = "unknown";

    private static final List<String> VERSIONS = List.of(TokenVersion.V006.label(), TokenVersion.V007.label(),
            UNKNOWN_VERSION);

    private static final List<String> OUTCOMES = List.of("issued", "invalid", "denied", "rate_limited", "error");

    /** Every counter, registered up front: no registry look-up per request, and every series starts at zero. */
    private final Map<String, Counter> countersByVersionAndOutcome = new HashMap<>();

    private final String defaultVersion;

    TokenRequestMetricsFilter(MeterRegistry registry, TokenProperties properties) {
        this.defaultVersion = properties.defaultVersion();
        for (String version : VERSIONS) {
            for (String outcome : OUTCOMES) {
                countersByVersionAndOutcome.put(key(version, outcome), Counter.builder(METER_NAME)
                        .description("Token requests by version asked for and outcome").tag("version", version)
                        .tag("outcome", outcome).register(registry));
            }
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String version = versionOf(request.getParameterValues("version"));

        String outcome = "error";
        try {
            chain.doFilter(request, response);
            outcome = outcomeOf(response.getStatus());
        }
        finally {
            counter(version, outcome).increment();
        }
    }

    private Counter counter(String version, String outcome) {
        return countersByVersionAndOutcome.get(key(version, outcome));
    }

    private static String key(String version, String outcome) {
        return version + '/' + outcome;
    }

    /** The version the request asks for, the default when it names none, or {@code unknown} when it is invalid. */
    private String versionOf(String[] values) {
        if (values == null) {
            return defaultVersion;
        }
        if (values.length != 1) {
            return UNKNOWN_VERSION;
        }
        return TokenVersion.of(values[0]).map(TokenVersion::label).orElse(UNKNOWN_VERSION);
    }

    static String outcomeOf(int status) {
        return switch (status) {
            case 200 -> "issued";
            case 400 -> "invalid";
            case 401, 403 -> "denied";
            case 429 -> "rate_limited";
            default -> "error";
        };
    }
}
