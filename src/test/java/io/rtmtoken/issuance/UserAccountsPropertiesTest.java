package io.rtmtoken.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** {@link UserAccounts#isValid} against an independent statement of Agora's RTM user ID rule. */
class UserAccountsPropertiesTest {

    /**
     * Agora's rule written as a regular expression: 1 to 64 characters from the listed ASCII set, at least one of
     * them not a space. Every listed character is one byte in UTF-8, so characters and bytes agree.
     */
    private static final Pattern AGORA_RULE = Pattern
            .compile("(?=[^ ]| +[^ ])[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");

    private static final String NEAR_MISSES = "/\\\"'*`\t\n\r\u0000\u007f\u00a0é😀";

    private static final String AGORA_CHARACTERS = " abcXYZ09!#$%&()+-:;<=.>?@[]^_{}|~,";

    private static final int TRIES = 5000;

    @Test
    void isValidWhenAnyStringThenAgreesWithAgorasRule() {
        List<String> candidates = candidates(new SplittableRandom(0x5EED_0064L)).limit(TRIES).toList();

        assertThat(candidates).filteredOn(candidate -> AGORA_RULE.matcher(candidate).matches())
                .as("valid candidates drawn").hasSizeGreaterThan(TRIES / 5);
        assertThat(candidates).filteredOn(candidate -> !AGORA_RULE.matcher(candidate).matches())
                .as("invalid candidates drawn").hasSizeGreaterThan(TRIES / 5);
        assertThat(candidates).allSatisfy(candidate -> assertThat(UserAccounts.isValid(candidate))
                .as("'%s'", candidate).isEqualTo(AGORA_RULE.matcher(candidate).matches()));
    }

    /** Strings from Agora's alphabet, with near misses, only spaces, or any characters, up to 70 long. */
    private static Stream<String> candidates(SplittableRandom random) {
        return Stream.generate(() -> switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> randomString(random, AGORA_CHARACTERS, random.nextInt(71));
            case 5, 6 -> randomString(random, " azAZ09~," + NEAR_MISSES, random.nextInt(71));
            case 7 -> " ".repeat(random.nextInt(67));
            default -> randomCodePoints(random, random.nextInt(71));
        });
    }

    private static String randomString(SplittableRandom random, String alphabet, int length) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    private static String randomCodePoints(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20, 0x7F) : random.nextInt(0x1_0000));
        }
        return text.toString();
    }
}
