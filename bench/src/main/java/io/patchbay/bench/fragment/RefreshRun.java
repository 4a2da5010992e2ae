package io.patchbay.bench.fragment;

import java.util.List;

/** What one thread count measured: the switches, the pauses between them and every thread's slow calls. */
record RefreshRun(int threads, long medianNanos, long thresholdNanos, List<Switch> switches, List<long[]> pauses,
        List<FragmentLoad.Track> tracks, List<long[]> silences, long[] calls, long[] failed, long[] judged,
        long[] wrong, int reactivations, List<String> examples) {

    /** One apply or revert: when it started and returned, when the host's own service went and came back. */
    record Switch(int what, long start, long returned, long down, long up, String error) {

        boolean hostSeen() {
            return down != Long.MIN_VALUE && up != Long.MIN_VALUE && up >= down;
        }
    }

    static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
