package io.rtmtoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.Bucket;
import io.rtmtoken.security.RateLimitProperties.Limit;

/** The bound on remembered callers, and which buckets go first when it is reached. */
class CallerBucketsTest {

    /** Refills one token per minute, so nothing refills during a test. */
    private static final Limit LIMIT = new Limit(5L, 1L);

    @Test
    void bucketForWhenSameCallerThenSameBucket() {
        CallerBuckets buckets = new CallerBuckets(10);

        Bucket first = buckets.bucketFor("ip:10.0.0.1", LIMIT);
        first.tryConsume(2);

        assertThat(buckets.bucketFor("ip:10.0.0.1", LIMIT)).isSameAs(first);
        assertThat(buckets.bucketFor("ip:10.0.0.1", LIMIT).getAvailableTokens()).isEqualTo(3);
    }

    @Test
    void bucketForWhenFullThenUntouchedBucketsAreDroppedBeforeUsedOnes() {
        CallerBuckets buckets = new CallerBuckets(4);
        Bucket usedA = buckets.bucketFor("a", LIMIT);
        usedA.tryConsume(1);
        buckets.bucketFor("idle-b", LIMIT);
        Bucket usedC = buckets.bucketFor("c", LIMIT);
        usedC.tryConsume(1);
        buckets.bucketFor("idle-d", LIMIT);

        buckets.bucketFor("e", LIMIT);

        assertThat(buckets.size()).isEqualTo(3);
        assertThat(buckets.bucketFor("a", LIMIT)).isSameAs(usedA);
        assertThat(buckets.bucketFor("c", LIMIT)).isSameAs(usedC);
    }

    @Test
    void bucketForWhenManyBusyCallersThenSizeStaysWithinTheBound() {
        CallerBuckets buckets = new CallerBuckets(100);

        for (int i = 0; i < 10_000; i++) {
            buckets.bucketFor("ip:198.51." + (i / 256) + "." + (i % 256), LIMIT).tryConsume(1);
            assertThat(buckets.size()).isLessThanOrEqualTo(100);
        }
        Bucket recent = buckets.bucketFor("ip:198.51.39.15", LIMIT);

        assertThat(recent.getAvailableTokens()).as("the most recent caller keeps its state").isEqualTo(4);
    }
}
