package io.rtmtoken.security;

import jakarta.servlet.http.HttpServletRequest;

/** Lets the token endpoint tell the audit log what it issued. */
public final class Audit {

    static final String ISSUED_ATTRIBUTE = Audit.class.getName() + ".issued";

    private Audit() {
    }

    /** Records the user, version and lifetime of the token the request was answered with. */
    public static void recordIssued(HttpServletRequest request, String userAccount, String version,
            long lifetimeSeconds) {
        request.setAttribute(ISSUED_ATTRIBUTE, new Issued(userAccount, version, Long.toString(lifetimeSeconds)));
    }

    record Issued(String userAccount, String version, String lifetimeSeconds) {
    }
}
