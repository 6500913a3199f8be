package io.rtmtoken.inspection;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps request bodies on the API port: a declared length over the cap is refused with 413 before reading, and a
 * body without a declared length stops being read at the cap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Largest request body accepted, in bytes; an inspection request with the longest token fits easily. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"The request body may have at most " + MAX_BODY_BYTES + " bytes.\"}");
            return;
        }
        chain.doFilter(HttpMethod.GET.matches(request.getMethod()) ? request : new BoundedRequest(request), response);
    }

    /** A request whose body reads as ended once the cap is reached, so a parser sees a truncated document. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private ServletInputStream bounded;

        BoundedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedInputStream(super.getInputStream());
            }
            return bounded;
        }
    }

    private static final class BoundedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private int readBytes;

        BoundedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            if (readBytes >= MAX_BODY_BYTES) {
                return -1;
            }
            int value = delegate.read();
            if (value >= 0) {
                readBytes++;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (readBytes >= MAX_BODY_BYTES) {
                return -1;
            }
            int count = delegate.read(buffer, offset, Math.min(length, MAX_BODY_BYTES - readBytes));
            if (count > 0) {
                readBytes += count;
            }
            return count;
        }

        @Override
        public boolean isFinished() {
            return readBytes >= MAX_BODY_BYTES || delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
