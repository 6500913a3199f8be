package io.rtmtoken.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterErrorTest {

    @Test
    void newWhenNameAndValueAreLongThenBothShortenedTo100Characters() {
        ParameterError error = new ParameterError("n".repeat(5000), "v".repeat(5000), "is not a parameter");

        assertThat(error.parameter()).isEqualTo("n".repeat(100) + "...");
        assertThat(error.value()).isEqualTo("v".repeat(100) + "...");
    }

    @Test
    void sentenceWhenValueHoldsLineBreaksAndControlsThenEscapedOnOneLine() {
        ParameterError error = new ParameterError("userAccount", "a\r\nINFO forged\u0000\u2028", "must be valid");

        assertThat(error.sentence())
                .isEqualTo("userAccount 'a\\u000d\\u000aINFO forged\\u0000\\u2028' must be valid");
        assertThat(error.value()).isEqualTo("a\r\nINFO forged\u0000\u2028");
    }
}
