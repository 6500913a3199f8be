package io.rtmtoken.security;

/**
 * Builds a logfmt line ({@code key=value key="quoted value"}). Values come from requests, so they are shortened,
 * quoted when needed (a lone {@code -} means "absent"), and every character outside printable ASCII is escaped: a
 * request cannot forge a line.
 */
final class AuditLine {

    /** Longest value written; longer ones end with {@code ...}. */
    static final int MAX_VALUE_LENGTH = 64;

    private final StringBuilder line = new StringBuilder();

    AuditLine add(String key, String value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key).append('=');
        appendValue(value);
        return this;
    }

    private void appendValue(String value) {
        if (value == null) {
            line.append('-');
            return;
        }
        String shortened = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value;
        if (!shortened.isEmpty() && !shortened.equals("-") && shortened.chars().allMatch(AuditLine::isBare)) {
            line.append(shortened);
            return;
        }
        line.append('"');
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            }
            else if (c < 0x20 || c > 0x7e) {
                line.append(String.format("\\u%04x", (int) c));
            }
            else {
                line.append(c);
            }
        }
        line.append('"');
    }

    private static boolean isBare(int c) {
        return c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '=';
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
