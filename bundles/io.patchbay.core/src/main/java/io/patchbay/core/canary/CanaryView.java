package io.patchbay.core.canary;

import org.HdrHistogram.Histogram;

/**
 * A canary as its machine saw it at one instant: the step (from 0), the share, the state, when the step began, the
 * latest verdict ({@code null} before the step's first look), both arms over the step's window and the tests'
 * statistics. Immutable.
 */
public record CanaryView(int step, int stepCount, double percent, String state, long stepStarted, Verdict verdict,
        ArmView baseline, ArmView candidate, double errorScore, double latencyScore, double accept, double reject) {

    /** One arm over the step's window: calls, errors, timed calls, their median and p99, and the slow ones. */
    public record ArmView(long calls, long errors, long timed, double p50Micros, double p99Micros, long slow) {

        static ArmView of(ArmTally arm, long slow) {
            Histogram times = arm.window();
            long timed = times.getTotalCount();
            return new ArmView(arm.windowCalls(), arm.windowErrors(), timed,
                    timed == 0 ? 0 : times.getValueAtPercentile(50) / 1000.0,
                    timed == 0 ? 0 : times.getValueAtPercentile(99) / 1000.0, slow);
        }
    }
}
