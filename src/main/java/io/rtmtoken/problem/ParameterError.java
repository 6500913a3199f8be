package io.rtmtoken.problem;

/**
 * One rejected request parameter.
 *
 * @param parameter the parameter's name, shortened when long
 * @param value the value given, shortened when long, or null when the parameter is missing
 * @param rule what the value must be
 */
public record ParameterError(String parameter, String value, String rule) {

    /** Longest name or value echoed back to the caller. */
    static final int MAX_ECHOED_LENGTH = 100;

    public ParameterError {
        parameter = shortened(parameter);
        value = shortened(value);
    }

    /**
     * The error as one sentence, safe for a log line: control and line-separator characters the caller sent appear
     * as Java-style unicode escapes (backslash, u, four hex digits), so they cannot forge log lines.
     */
    public String sentence() {
        return escapeControls(value == null ? parameter + " " + rule : parameter + " '" + value + "' " + rule);
    }

    private static String shortened(String text) {
        return text != null && text.length() > MAX_ECHOED_LENGTH ? text.substring(0, MAX_ECHOED_LENGTH) + "..." : text;
    }

    private static String escapeControls(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                escaped.append(String.format("\\u%04x", (int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
