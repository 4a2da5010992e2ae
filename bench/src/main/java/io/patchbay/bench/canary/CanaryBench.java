package io.patchbay.bench.canary;

import io.patchbay.bench.calls.CallOverheadRun;
import io.patchbay.bench.report.Section;
import java.util.List;

/**
 * The bench parts {@code canary} (issue 12): what a call costs during a canary, by JMH; and {@code judge}: the
 * canary judge's figures, by simulation: its goals at four time scales and on a quiet slot, calls until a failing
 * candidate is reverted, false reverts of healthy ones. The JMH settings are the call-overhead part's; the
 * simulation's counts are the run's ({@link JudgeFigures.Settings#of}).
 */
public final class CanaryBench {

    private final CallOverheadRun.Settings jmh;
    private final JudgeFigures.Settings judge;

    public CanaryBench(CallOverheadRun.Settings jmh, String run) {
        this.jmh = jmh;
        this.judge = JudgeFigures.Settings.of(run);
    }

    public List<Section> callCost() throws Exception {
        return List.of(new CanaryCallCostRun(jmh).run());
    }

    public List<Section> judge() {
        return new JudgeFigures(judge).run();
    }
}
