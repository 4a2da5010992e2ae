package io.patchbay.bench.canary;

import io.patchbay.bench.calls.CallOverheadRun;
import io.patchbay.bench.report.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench part {@code canary} (issue 12): what a call costs during a canary, by JMH, and the canary judge's
 * figures, by simulation: calls until a failing candidate is reverted, false reverts of healthy ones, and the same
 * canaries judged otherwise. The JMH settings are the call-overhead part's; the simulation's counts are the run's
 * ({@link JudgeFigures.Settings#of}).
 */
public final class CanaryBench {

    private final CallOverheadRun.Settings jmh;
    private final JudgeFigures.Settings judge;

    public CanaryBench(CallOverheadRun.Settings jmh, String run) {
        this.jmh = jmh;
        this.judge = JudgeFigures.Settings.of(run);
    }

    public List<Section> run() throws Exception {
        List<Section> sections = new ArrayList<>();
        sections.add(new CanaryCallCostRun(jmh).run());
        long start = System.nanoTime();
        sections.addAll(new JudgeFigures(judge).run());
        System.out.printf("   (the judge's simulation took %.0f s)%n", (System.nanoTime() - start) / 1e9);
        return sections;
    }
}
