package io.rtmtoken.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.rtmtoken.problem.InvalidRequestException;
import io.rtmtoken.problem.ParameterError;

/**
 * Fuzzes the request validator with arbitrary parameter maps, read from the input as a decoded query string
 * ({@code name=value} pairs joined by {@code &}), so the committed corpus in {@code TokenRequestFuzzTestInputs/from/}
 * is readable. A request is either valid by every rule or rejected with {@link InvalidRequestException} listing
 * errors whose echoed names and values are bounded and whose sentence (logged at debug) holds no control character
 * that could forge a log line; anything else is a finding.
 */
class TokenRequestFuzzTest {

    private static final TokenProperties PROPERTIES = new TokenProperties("006", Duration.ofHours(1),
            Duration.ofHours(24));

    private static final List<String> PARAMETERS = List.of(TokenRequest.USER_ACCOUNT, TokenRequest.ROLE,
            TokenRequest.EXPIRE_SECONDS, TokenRequest.VERSION);

    /** Longest echoed value: the shortened value and its ellipsis. */
    private static final int MAX_ECHOED_LENGTH = 103;

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void from(byte[] input) {
        MultiValueMap<String, String> parameters = parameters(new String(input, StandardCharsets.UTF_8));

        try {
            TokenRequest request = TokenRequest.from(parameters, PROPERTIES);

            assertThat(PARAMETERS).containsAll(parameters.keySet());
            assertThat(parameters.values()).allSatisfy(values -> assertThat(values).hasSize(1));
            assertThat(UserAccounts.isValid(request.userAccount())).isTrue();
            assertThat(request.expireSeconds()).isBetween(1L, PROPERTIES.maxLifetime().getSeconds());
            assertThat(request.version()).isNotNull();
        }
        catch (InvalidRequestException ex) {
            assertThat(ex.errors()).isNotEmpty().allSatisfy(error -> assertBounded(error));
            assertThat(ex.getMessage()).isEqualTo(ex.errors().get(0).sentence())
                    .doesNotContainPattern("[\\p{Cntrl}\\u2028\\u2029]");
        }
    }

    private static void assertBounded(ParameterError error) {
        assertThat(error.parameter()).isNotNull().hasSizeLessThanOrEqualTo(MAX_ECHOED_LENGTH);
        assertThat(error.rule()).isNotBlank();
        if (error.value() != null) {
            assertThat(error.value()).hasSizeLessThanOrEqualTo(MAX_ECHOED_LENGTH);
        }
    }

    /** Splits decoded {@code name=value} pairs joined by {@code &}; a pair without {@code =} has an empty value. */
    private static MultiValueMap<String, String> parameters(String query) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            parameters.add(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
    }
}
