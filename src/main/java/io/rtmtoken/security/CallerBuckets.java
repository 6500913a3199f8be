package io.rtmtoken.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.rtmtoken.security.RateLimitProperties.Limit;

/**
 * One Bucket4j token bucket per caller, at most {@code maxCallers} of them. When full, buckets that have refilled
 * completely are dropped first (a new bucket would be identical), then the least recently used.
 */
final class CallerBuckets {

    /** Share of the buckets kept when the least recently used have to go, so that sweeps stay rare. */
    private static final double KEPT_AFTER_EVICTION = 0.9;

    private final int maxCallers;

    /** Access-ordered: iteration starts at the least recently used caller. Guarded by {@code this}. */
    private final LinkedHashMap<String, CallerBucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    CallerBuckets(int maxCallers) {
        this.maxCallers = maxCallers;
    }

    /** Returns the caller's bucket, creating a full one for a new caller. */
    synchronized Bucket bucketFor(String callerKey, Limit limit) {
        CallerBucket existing = buckets.get(callerKey);
        if (existing != null) {
            return existing.bucket();
        }
        if (buckets.size() >= maxCallers) {
            evict();
        }
        Bucket bucket = Bucket.builder().addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                .refillGreedy(limit.refillPerMinute(), Duration.ofMinutes(1))).build();
        buckets.put(callerKey, new CallerBucket(bucket, limit.capacity()));
        return bucket;
    }

    synchronized int size() {
        return buckets.size();
    }

    private void evict() {
        buckets.values().removeIf(CallerBucket::isFull);
        if (buckets.size() < maxCallers) {
            return;
        }

        int target = (int) (maxCallers * KEPT_AFTER_EVICTION);
        Iterator<Map.Entry<String, CallerBucket>> leastRecentlyUsed = buckets.entrySet().iterator();
        while (buckets.size() > target && leastRecentlyUsed.hasNext()) {
            leastRecentlyUsed.next();
            leastRecentlyUsed.remove();
        }
    }

    private record CallerBucket(Bucket bucket, long capacity) {

        boolean isFull() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }
}
