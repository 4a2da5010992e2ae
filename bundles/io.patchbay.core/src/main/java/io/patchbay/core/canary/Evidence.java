package io.patchbay.core.canary;

import org.HdrHistogram.Histogram;

/**
 * What both arms of a canary did since the judge's previous look: calls and errors, and the call times recorded
 * (the candidate's after its warm-up; the baseline's sampled share), with the exception class the candidate threw
 * most often since the canary began that the baseline never threw, and how often. The histograms are read, never
 * kept: the caller may reuse them after {@link CanaryMachine#look}.
 */
public record Evidence(long candidateCalls, long candidateErrors, long baselineCalls, long baselineErrors,
        Histogram candidateTimes, Histogram baselineTimes, String newException, long newExceptionCount) {
}
