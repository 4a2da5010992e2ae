package io.patchbay.core.canary;

import org.HdrHistogram.Histogram;

/** Evidence of known shape for the judge's tests: call counts, and times all alike unless a test adds others. */
final class Evidences {

    private Evidences() {
    }

    /** {@code count} call times of {@code micros} each. */
    static Histogram times(int count, long micros) {
        Histogram times = new Histogram(1, ArmTally.LONGEST, 2);
        times.recordValueWithCount(micros * 1000, count);
        return times;
    }

    /** Calls and errors of both arms; every candidate call and 100 baseline calls timed at 1 ms. */
    static Evidence calls(long candidateCalls, long candidateErrors, long baselineCalls, long baselineErrors) {
        return new Evidence(candidateCalls, candidateErrors, baselineCalls, baselineErrors,
                times((int) candidateCalls, 1000), times(100, 1000), null, 0);
    }

    /** Clean calls with times: the candidate's and the baseline's. */
    static Evidence timed(Histogram candidate, Histogram baseline) {
        return new Evidence(candidate.getTotalCount(), 0, baseline.getTotalCount() * 10, 0, candidate, baseline, null,
                0);
    }
}
