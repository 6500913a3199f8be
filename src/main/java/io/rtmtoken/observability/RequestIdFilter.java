package io.rtmtoken.observability;

import java.io.IOException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, otherwise a new random one. The id is
 * returned in the response header and put in the logging MDC under {@code requestId} while the request runs.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    /** Header that carries the id in both directions. */
    public static final String HEADER = "X-Request-Id";

    /** MDC key under which every log line of a request finds its id. */
    public static final String MDC_KEY = "requestId";

    /** Longest caller-supplied id that is kept; a UUID has 36 characters. */
    static final int MAX_LENGTH = 64;

    /** Letters, digits and {@code - _ . :}: nothing that could forge a log line or a JSON field. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private final RandomGenerator randomGenerator;

    RequestIdFilter(RandomGenerator randomGenerator) {
        this.randomGenerator = randomGenerator;
    }

    /** Returns whether a caller-supplied id may be used as it is. */
    static boolean isSane(String requestId) {
        return requestId != null && SANE.matcher(requestId).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = requestIdOf(request);

        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The container's error dispatch (after a {@code sendError}) keeps the id of the request it reports on. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private String requestIdOf(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String supplied = request.getHeader(HEADER);
        return isSane(supplied) ? supplied : HexFormat.of().toHexDigits(randomGenerator.nextLong());
    }
}
