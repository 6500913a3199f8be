package io.rtmtoken.problem;

/** The authenticated caller asked for a token for a user it may not act for; answered with 403. */
public final class UserNotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserNotAllowedException(String detail) {
        super(detail, null, false, false);
    }
}
