package io.rtmtoken.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-caller token buckets, bound from {@code rtm-token.rate-limit.*}.
 *
 * @param enabled whether requests to the token API are rate limited
 * @param user the bucket of each end-user caller: a JWT subject, or a client address in none mode
 * @param apiKey the bucket of each back-end caller, named by its API key
 * @param maxCallers how many callers' buckets are kept at most; beyond it idle buckets are dropped first
 */
@ConfigurationProperties("rtm-token.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit user, Limit apiKey,
        @DefaultValue("100000") int maxCallers) {

    public RateLimitProperties {
        user = Limit.orDefaults(user, 20, 20, "user");
        apiKey = Limit.orDefaults(apiKey, 1000, 6000, "api-key");
        if (maxCallers < 1) {
            throw new IllegalArgumentException("rtm-token.rate-limit.max-callers must be at least 1, not "
                    + maxCallers);
        }
    }

    /**
     * One caller's bucket.
     *
     * @param capacity the most requests a caller can make at once, after being idle
     * @param refillPerMinute how many requests a caller regains per minute, spread evenly
     */
    public record Limit(Long capacity, Long refillPerMinute) {

        static Limit orDefaults(Limit limit, long capacity, long refillPerMinute, String name) {
            Limit filled = new Limit(limit == null || limit.capacity == null ? capacity : limit.capacity,
                    limit == null || limit.refillPerMinute == null ? refillPerMinute : limit.refillPerMinute);
            if (filled.capacity < 1 || filled.refillPerMinute < 1) {
                throw new IllegalArgumentException("rtm-token.rate-limit." + name + ".capacity and ." + name
                        + ".refill-per-minute must be at least 1, not " + filled.capacity + " and "
                        + filled.refillPerMinute);
            }
            return filled;
        }
    }
}
