package io.rtmtoken.inspection;

/**
 * The body of {@code POST /rtm-token/inspect}.
 *
 * @param token the token to inspect
 * @param userAccount the user the token is meant for; needed to check a 006 token's signature
 */
record InspectionRequest(String token, String userAccount) {

    @Override
    public String toString() {
        return "InspectionRequest[userAccount=" + userAccount + ", token hidden]";
    }
}
