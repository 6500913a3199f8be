package io.rtmtoken.security;

import java.io.IOException;
import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.rtmtoken.observability.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes one line to the {@code audit} logger for every token request, whatever its outcome. It runs inside the
 * security filter chain, ahead of authentication, so it sees 401, 403 and 429 answers and knows the caller.
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Log audit = LogFactory.getLog("audit");

    private final Clock clock;

    AuditFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isIssuance(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        }
        finally {
            if (audit.isInfoEnabled()) {
                audit.info(line(request, response, failed));
            }
        }
    }

    private String line(HttpServletRequest request, HttpServletResponse response, boolean failed) {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), request);
        int status = failed ? 500 : response.getStatus();
        Audit.Issued issued = status == 200 ? (Audit.Issued) request.getAttribute(Audit.ISSUED_ATTRIBUTE) : null;
        Audit.Issued requested = issued != null ? issued
                : new Audit.Issued(request.getParameter("userAccount"), request.getParameter("version"),
                        request.getParameter("expireSeconds"));

        return new AuditLine().add("time", clock.instant().toString()).add("caller", caller.toString())
                .add("userAccount", requested.userAccount()).add("version", requested.version())
                .add("lifetimeSeconds", requested.lifetimeSeconds()).add("outcome", outcome(status, issued))
                .add("status", Integer.toString(status)).add("requestId", requestId(response)).toString();
    }

    private static String outcome(int status, Audit.Issued issued) {
        return switch (status) {
            case 200 -> issued != null ? "issued" : "error";
            case 401 -> "unauthenticated";
            case 403 -> "denied";
            case 429 -> "rate_limited";
            default -> status >= 400 && status < 500 ? "invalid" : "error";
        };
    }

    private static String requestId(HttpServletResponse response) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        return requestId != null ? requestId : response.getHeader(RequestIdFilter.HEADER);
    }
}
