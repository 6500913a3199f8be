package io.rtmtoken.security;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.ConsumptionProbe;
import io.rtmtoken.problem.ProblemWriter;
import io.rtmtoken.security.RateLimitProperties.Limit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Takes one token from the caller's bucket per API request, and answers 429 when the bucket is empty. */
final class RateLimitFilter extends OncePerRequestFilter {

    static final URI RATE_LIMITED = URI.create("urn:rtm-token:problem:rate-limited");

    private static final Log logger = LogFactory.getLog(RateLimitFilter.class);

    private final RateLimitProperties properties;

    private final CallerBuckets buckets;

    private final ProblemWriter problems;

    RateLimitFilter(RateLimitProperties properties, CallerBuckets buckets, ProblemWriter problems) {
        this.properties = properties;
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), request);
        Limit limit = caller.kind() == Caller.Kind.API_KEY ? properties.apiKey() : properties.user();

        ConsumptionProbe probe = buckets.bucketFor(caller.toString(), limit).tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Limit", Long.toString(limit.capacity()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }

        long retryAfterSeconds = Math.max(1, divideRoundingUp(probe.getNanosToWaitForRefill()));
        if (logger.isDebugEnabled()) {
            logger.debug("Rate limited " + caller + " on " + request.getRequestURI() + " for " + retryAfterSeconds
                    + " s");
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setHeader("RateLimit-Reset", Long.toString(retryAfterSeconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, "Too many requests",
                "Caller " + caller + " may make " + limit.capacity() + " requests at once and "
                        + limit.refillPerMinute() + " per minute; retry in " + retryAfterSeconds + " s.",
                request.getRequestURI());
    }

    private static long divideRoundingUp(long nanos) {
        long perSecond = TimeUnit.SECONDS.toNanos(1);
        return (nanos + perSecond - 1) / perSecond;
    }
}
