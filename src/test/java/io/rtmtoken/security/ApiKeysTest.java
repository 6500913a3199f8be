package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    /** SHA-256 of "abc", from FIPS 180-2, as {@code printf %s abc | sha256sum} prints it. */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void sha256WhenKnownInputThenPublishedDigest() {
        assertThat(HexFormat.of().formatHex(ApiKeys.sha256("abc"))).isEqualTo(ABC_SHA256);
    }

    @Test
    void nameOfWhenKeyMatchesAConfiguredHashThenThatName() {
        ApiKeys keys = ApiKeys.from(Map.of("billing", ABC_SHA256.toUpperCase(),
                "chat", "0".repeat(64)));

        assertThat(keys.nameOf("abc")).hasValue("billing");
        assertThat(keys.nameOf("abd")).isEmpty();
        assertThat(keys.toString()).doesNotContain(ABC_SHA256).doesNotContain(ABC_SHA256.toUpperCase());
    }
}
