package io.patchbay.core.canary;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Sticky buckets for key splits, as feature-flag systems make them: murmur3 x86 32-bit (seed 0) of
 * {@code salt:key}, unsigned, modulo 10,000. A key is in a share of {@code s} percent when its bucket is below
 * {@code s * 100}, so raising the share only adds buckets. The buckets of keys seen are cached (up to a bound), so
 * that a key's call hashes it once: the call path then only looks it up, without allocating.
 */
public final class Buckets {

    public static final int COUNT = 10_000;

    private static final int CACHED_KEYS = 100_000;

    private final String prefix;
    private final ConcurrentMap<String, Integer> cache = new ConcurrentHashMap<>();

    public Buckets(String salt) {
        this.prefix = salt + ":";
    }

    /** The bucket of {@code key}, 0 to 9,999. */
    public int of(String key) {
        Integer known = cache.get(key);
        if (known != null) {
            return known;
        }
        int bucket = compute(prefix, key);
        if (cache.size() < CACHED_KEYS) {
            cache.putIfAbsent(key, bucket);
        }
        return bucket;
    }

    /** The bucket of {@code key} under {@code salt}, as {@code patch:bucket} tells it. */
    public static int of(String salt, String key) {
        return compute(salt + ":", key);
    }

    private static int compute(String prefix, String key) {
        byte[] bytes = (prefix + key).getBytes(StandardCharsets.UTF_8);
        int hash = MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
        return (int) (Integer.toUnsignedLong(hash) % COUNT);
    }

    /**
     * A share of {@code threshold} buckets as a bound on 31-bit random numbers, for {@link #drawn}: the call path
     * then compares instead of dividing (a random number below 10,000 costs a division, the dearest part of a
     * canary's call). The whole share, or more, is {@code Integer.MAX_VALUE}, which every call is in.
     */
    static int drawBound(int threshold) {
        return threshold >= COUNT ? Integer.MAX_VALUE : (int) (((long) Math.max(0, threshold) << 31) / COUNT);
    }

    /** {@link #drawBound} for a share given as a fraction of calls, however small: at least one draw in 2^31. */
    static int drawBoundOf(double fraction) {
        if (fraction <= 0 || fraction >= 1) {
            return fraction <= 0 ? 0 : Integer.MAX_VALUE;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, fraction * (1L << 31)));
    }

    /** Whether this call falls in the share whose {@link #drawBound} is {@code bound}: a random draw per call. */
    static boolean drawn(int bound) {
        return bound == Integer.MAX_VALUE || ThreadLocalRandom.current().nextInt() >>> 1 < bound;
    }

    /** Basis points of 10,000 for a share in percent: 2.5 % is 250 buckets. */
    public static int threshold(double percent) {
        return (int) Math.round(percent * COUNT / 100.0);
    }
}
