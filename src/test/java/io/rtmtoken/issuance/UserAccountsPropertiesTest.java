package io.rtmtoken.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** {@link UserAccounts#isValid} against an independent statement of Agora's RTM user ID rule. */
class UserAccountsPropertiesTest {

    /**
     * Agora's rule written as a regular expression: 1 to 64 characters from the listed ASCII set, at least one of
     * them not a space. Every listed character is one byte in UTF-8, so characters and bytes agree.
     */
    private static final Pattern AGORA_RULE = Pattern
            .compile("(?=[^ ]| +[^ ])[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");

    private static final String NEAR_MISSES = "/\\\"'*`\t\n\r\u0000\u007f\u00a0é😀";

    @Property(tries = 3000)
    void isValidWhenAnyStringThenAgreesWithAgorasRule(@ForAll("candidates") String candidate) {
        boolean expected = AGORA_RULE.matcher(candidate).matches();
        Statistics.label("valid").collect(expected);
        Statistics.label("valid").coverage(checker -> {
            checker.check(true).percentage(percent -> percent > 20);
            checker.check(false).percentage(percent -> percent > 20);
        });

        assertThat(UserAccounts.isValid(candidate)).as("'%s'", candidate).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> agoraCharacters = Arbitraries.strings()
                .withChars(" abcXYZ09!#$%&()+-:;<=.>?@[]^_{}|~,").ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> withNearMisses = Arbitraries.strings()
                .withChars(" azAZ09~," + NEAR_MISSES).ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> onlySpaces = Arbitraries.strings().withChars(' ').ofMinLength(0).ofMaxLength(66);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(70);
        return Arbitraries.frequencyOf(Tuple.of(5, agoraCharacters), Tuple.of(2, withNearMisses),
                Tuple.of(1, onlySpaces), Tuple.of(2, anyText));
    }
}
