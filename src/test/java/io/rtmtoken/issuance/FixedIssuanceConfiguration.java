package io.rtmtoken.issuance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A fixed clock and salt, so tests can assert exact tokens and times. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedIssuanceConfiguration {

    /** 2026-12-03T12:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    public static final int SALT = 12345;

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    @Primary
    RandomGenerator fixedSaltSource() {
        return new RandomGenerator() {

            @Override
            public long nextLong() {
                return SALT - 1;
            }

            @Override
            public int nextInt(int bound) {
                return SALT - 1;
            }
        };
    }
}
