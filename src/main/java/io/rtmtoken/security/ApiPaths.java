package io.rtmtoken.security;

import jakarta.servlet.http.HttpServletRequest;

/** The token API's paths: {@code /rtm-token} and everything under it. */
final class ApiPaths {

    static final String TOKEN = "/rtm-token";

    static final String[] PATTERNS = {TOKEN, TOKEN + "/**"};

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = pathOf(request);
        return path.equals(TOKEN) || path.startsWith(TOKEN + "/");
    }

    /** Tells whether the request asks for a token (HEAD mints one too): the attempts the audit log records. */
    static boolean isIssuance(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && pathOf(request).equals(TOKEN);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
