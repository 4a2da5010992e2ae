package io.patchbay.core.canary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Sticky buckets: murmur3 x86 32-bit of salt:key, as feature-flag systems compute it, and monotone shares. */
public class BucketsTest {

    @Test
    public void theBucketIsMurmur3OfSaltColonKeyUnsignedModuloTenThousand() {
        // reference values of MurmurHash3_x86_32(seed 0), computed apart from commons-codec; the first two are
        // above 2^31, so a signed modulo would give a negative bucket
        assertEquals(3925502195L % 10_000, Buckets.of("acme-salt", "tenant-42"));
        assertEquals(3033036227L % 10_000, new Buckets("com.example.pricing.impl/1.0.1").of("acme"));
        assertEquals(669857034L % 10_000, Buckets.of("salt", "clé")); // UTF-8 bytes
    }

    @Test
    public void aKeyInAtFivePercentIsInAtTwentyFive() {
        Buckets buckets = new Buckets("com.example.pricing.impl/1.0.1");
        int inAtFive = 0;
        int inAtTwentyFive = 0;
        for (int i = 0; i < 10_000; i++) {
            int bucket = buckets.of("tenant-" + i);
            assertTrue(bucket >= 0 && bucket < Buckets.COUNT);
            boolean five = bucket < Buckets.threshold(5);
            boolean twentyFive = bucket < Buckets.threshold(25);
            assertTrue("monotone", !five || twentyFive);
            inAtFive += five ? 1 : 0;
            inAtTwentyFive += twentyFive ? 1 : 0;
        }
        assertTrue("about 5 %: " + inAtFive, Math.abs(inAtFive - 500) < 130);
        assertTrue("about 25 %: " + inAtTwentyFive, Math.abs(inAtTwentyFive - 2500) < 260);
        assertEquals(250, Buckets.threshold(2.5));
    }

    @Test
    public void aShareDrawnPerCallIsTheShareWithoutADivision() {
        assertEquals(Integer.MAX_VALUE, Buckets.drawBound(Buckets.COUNT));
        assertEquals(0, Buckets.drawBound(0));
        assertEquals(214_748_364, Buckets.drawBound(1_000)); // 10 % of 2^31, rounded down
        int[] thresholds = {0, 100, 5_000, 9_900, Buckets.COUNT};
        for (int threshold : thresholds) {
            int bound = Buckets.drawBound(threshold);
            int drawn = 0;
            for (int call = 0; call < 200_000; call++) {
                drawn += Buckets.drawn(bound) ? 1 : 0;
            }
            double expected = threshold / (double) Buckets.COUNT;
            double tolerance = threshold == 0 || threshold == Buckets.COUNT ? 0 : 0.005;
            assertEquals("share of " + threshold + " buckets", expected, drawn / 200_000.0, tolerance);
        }
    }
}
