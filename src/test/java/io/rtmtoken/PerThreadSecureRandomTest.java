package io.rtmtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PerThreadSecureRandomTest {

    private static final int SALT_BOUND = 99_999_999;

    @Test
    void nextIntWhenDrawnPastSeveralBlocksThenValuesStayInBoundAndDoNotRepeat() {
        PerThreadSecureRandom random = new PerThreadSecureRandom();
        int draws = 10 * PerThreadSecureRandom.BLOCK_SIZE_IN_BYTES / 4;

        Set<Integer> salts = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            int salt = random.nextInt(SALT_BOUND) + 1;
            assertThat(salt).isBetween(1, SALT_BOUND);
            salts.add(salt);
        }

        // 640 draws from 10^8 values collide with odds of about 2 in 1000.
        assertThat(salts).hasSizeGreaterThan(draws - 3);
    }

    @Test
    void nextLongWhenDrawnThenBothHalvesVary() {
        PerThreadSecureRandom random = new PerThreadSecureRandom();

        Set<Long> highHalves = new HashSet<>();
        Set<Long> lowHalves = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            long value = random.nextLong();
            highHalves.add(value >>> 32);
            lowHalves.add(value & 0xFFFF_FFFFL);
        }

        assertThat(highHalves).hasSizeGreaterThan(95);
        assertThat(lowHalves).hasSizeGreaterThan(95);
    }

    @Test
    void nextIntWhenManyThreadsDrawThenTheyGetDifferentValues() throws InterruptedException {
        PerThreadSecureRandom random = new PerThreadSecureRandom();
        Set<Integer> values = ConcurrentHashMap.newKeySet();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            threads.execute(() -> {
                for (int i = 0; i < 100; i++) {
                    values.add(random.nextInt());
                }
            });
        }
        threads.shutdown();

        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(values).hasSizeGreaterThan(395);
    }
}
