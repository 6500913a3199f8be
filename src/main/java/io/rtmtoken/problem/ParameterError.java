package io.rtmtoken.problem;

/**
 * One rejected request parameter.
 *
 * @param parameter the parameter's name
 * @param value the value given, shortened when long, or null when the parameter is missing
 * @param rule what the value must be
 */
public record ParameterError(String parameter, String value, String rule) {

    /** Longest value echoed back to the caller. */
    static final int MAX_ECHOED_LENGTH = 100;

    public ParameterError {
        if (value != null && value.length() > MAX_ECHOED_LENGTH) {
            value = value.substring(0, MAX_ECHOED_LENGTH) + "...";
        }
    }

    /** The error as one sentence. */
    public String sentence() {
        return value == null ? parameter + " " + rule : parameter + " '" + value + "' " + rule;
    }
}
