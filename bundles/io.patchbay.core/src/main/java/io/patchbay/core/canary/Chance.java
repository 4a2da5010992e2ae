package io.patchbay.core.canary;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A chance per call (of being timed, of going to a canary's candidate), as the gaps between chosen calls: how
 * many calls pass before the next chosen one is a geometric draw, so that skipping them chooses the same calls a
 * draw per call would, with one draw per chosen call (see {@code io.patchbay.core.slot.Gaps}). Immutable: a new
 * chance is a new object, which is what tells the lanes to draw again.
 */
final class Chance {

    /** Every call. */
    static final Chance ALWAYS = new Chance(1);
    static final double COUNTED = 1.0 / 8; // from here down a logarithm is cheaper than counting draws

    private final double share;
    private final double logOfMiss; // log(1 - share), for the inversion of the geometric distribution
    private final int bound; // Buckets.drawBoundOf(share), for a draw per call

    Chance(double share) {
        this.share = share;
        this.logOfMiss = Math.log1p(-share);
        this.bound = Buckets.drawBoundOf(share);
    }

    double share() {
        return share;
    }

    /** Whether this call is chosen: a draw per call, for a path that keeps no gaps (the counted path). */
    boolean drawn() {
        return Buckets.drawn(bound);
    }

    /** How many calls pass before the next chosen one. At 0, one call, and the next is asked again. */
    long callsBefore() {
        if (share >= 1 || share <= 0) {
            return share >= 1 ? 0 : 1;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (share >= COUNTED) {
            long passed = 0;
            while (random.nextDouble() >= share) {
                passed++;
            }
            return passed;
        }
        return (long) (Math.log(1 - random.nextDouble()) / logOfMiss);
    }
}
