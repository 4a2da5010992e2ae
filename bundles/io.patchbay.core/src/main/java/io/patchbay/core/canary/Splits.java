package io.patchbay.core.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Split;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** The four ways a canary splits a slot's calls; each decides a call without allocating. */
final class Splits {

    private Splits() {
    }

    /**
     * The split of one step.
     *
     * @param percent the candidate's share in this step (share splits only)
     * @param noKey counts the calls of a key split that carried no key
     */
    static Split of(CanarySpecDTO spec, Implementation baseline, Implementation candidate, double percent,
            Buckets buckets, Supplier<String> keys, LongAdder noKey) {
        return switch (spec.split) {
            case CanarySpecDTO.KEYS -> new KeyShare(baseline, candidate, Buckets.threshold(percent), buckets, keys,
                    noKey);
            case CanarySpecDTO.CHOSEN_KEYS -> new ChosenKeys(baseline, candidate, Set.of(spec.keys), keys, noKey);
            case CanarySpecDTO.BUNDLES -> new ChosenBundles(baseline, candidate, Set.of(spec.bundles));
            default -> new CallShare(baseline, candidate, Buckets.threshold(percent));
        };
    }

    /** A random share of calls, decided per call: not sticky. */
    static final class CallShare extends Split {
        private final int bound;
        private final Chance chance;

        CallShare(Implementation baseline, Implementation candidate, int threshold) {
            super(baseline, candidate);
            this.bound = Buckets.drawBound(threshold);
            this.chance = new Chance((double) threshold / Buckets.COUNT);
        }

        /** A share of calls below {@link Chance#COUNTED}: from there up, a draw per call costs less than gaps. */
        @Override
        public boolean decidesByGaps() {
            return chance.share() < Chance.COUNTED;
        }

        @Override
        protected boolean toCandidate(Seat seat) {
            return Buckets.drawn(bound);
        }

        @Override
        protected long baselineCallsAhead() {
            return chance.callsBefore();
        }
    }

    /** A sticky share of keys: a key whose bucket is below the threshold. */
    static final class KeyShare extends Split {
        private final int threshold;
        private final Buckets buckets;
        private final Supplier<String> keys;
        private final LongAdder noKey;

        KeyShare(Implementation baseline, Implementation candidate, int threshold, Buckets buckets,
                Supplier<String> keys, LongAdder noKey) {
            super(baseline, candidate);
            this.threshold = threshold;
            this.buckets = buckets;
            this.keys = keys;
            this.noKey = noKey;
        }

        @Override
        protected boolean toCandidate(Seat seat) {
            String key = keys.get();
            if (key == null) {
                noKey.increment();
                return false;
            }
            return buckets.of(key) < threshold;
        }
    }

    /** The keys named, and no other. */
    static final class ChosenKeys extends Split {
        private final Set<String> chosen;
        private final Supplier<String> keys;
        private final LongAdder noKey;

        ChosenKeys(Implementation baseline, Implementation candidate, Set<String> chosen, Supplier<String> keys,
                LongAdder noKey) {
            super(baseline, candidate);
            this.chosen = chosen;
            this.keys = keys;
            this.noKey = noKey;
        }

        @Override
        protected boolean toCandidate(Seat seat) {
            String key = keys.get();
            if (key == null) {
                noKey.increment();
                return false;
            }
            return chosen.contains(key);
        }
    }

    /** Every call from the consumer bundles named (by symbolic name). */
    static final class ChosenBundles extends Split {
        private final Set<String> chosen;

        ChosenBundles(Implementation baseline, Implementation candidate, Set<String> chosen) {
            super(baseline, candidate);
            this.chosen = chosen;
        }

        @Override
        protected boolean toCandidate(Seat seat) {
            return seat != null && chosen.contains(seat.consumer().getSymbolicName());
        }
    }
}
