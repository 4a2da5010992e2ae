package io.patchbay.bench.canary;

import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The judge at four time scales (median calls of 0.1, 1, 10 and 100 ms): healthy canaries against a baseline that
 * never fails (so only a latency test can revert them), a candidate twice as slow on every call, and one ten
 * times as slow on 5 % of its calls (issue 24: at most 1 % false reverts, and the 2x slower candidate reverted
 * within 2,000 candidate calls at p90, at every scale).
 */
final class JudgeTimeScales {

    private static final double[] MEDIANS = { 0.1, 1, 10, 100 };

    private final int canaries;
    private final int slowCanaries;
    private final int rate;

    /** @param canaries healthy canaries per scale; {@code slowCanaries} per slow candidate and scale */
    JudgeTimeScales(int canaries, int slowCanaries, int rate) {
        this.canaries = canaries;
        this.slowCanaries = slowCanaries;
        this.rate = rate;
    }

    Section run() {
        Table table = new Table("Median call time", "Judged with", "False reverts (healthy, baseline 0 %)",
                "Every call 2x slower: reverted, calls p50 / p90",
                "5 % of calls 10x slower: reverted, calls p50 / p90");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double median : MEDIANS) {
            row(table, rows, java.math.BigDecimal.valueOf(median).stripTrailingZeros().toPlainString() + " ms", median,
                    Judging.DEFAULT);
        }
        Section section = Section.of("canaryTimeScales", "Canary judge: four time scales",
                table, JudgeFigures.notes(canaries + " healthy canaries per scale, " + slowCanaries + " per slow"
                        + " candidate and scale, " + rate + " slot calls per second, neither arm fails."));
        section.data().put("results", rows);
        return section;
    }

    private void row(Table table, List<Map<String, Object>> rows, String label, double median, Judging judging) {
        List<Object> cells = new ArrayList<>(List.of(label, judging.name()));
        Scenario healthy = Scenario.healthy(rate, 0, median, judging);
        long reverted = Simulations.reverts(Simulations.simulate(healthy, canaries));
        cells.add(Simulations.rate(reverted, canaries));
        Map<String, Object> row = JudgeFigures.describe(healthy, canaries);
        row.put("falseReverts", reverted);
        rows.add(row);
        for (Scenario slow : List.of(
                Scenario.slow("every call 2x slower, " + median + " ms, " + judging.name(), rate, 0, 2, median,
                        judging),
                Scenario.slow("5 % of calls 10x slower, " + median + " ms, " + judging.name(), rate, 0.05, 1, median,
                        judging))) {
            List<Outcome> outcomes = Simulations.simulate(slow, slowCanaries);
            long[] calls = Simulations.callsToRevert(outcomes);
            cells.add(Simulations.reverts(outcomes) + ", " + Simulations.callsCell(calls));
            Map<String, Object> one = JudgeFigures.describe(slow, slowCanaries);
            one.put("reverted", Simulations.reverts(outcomes));
            one.put("candidateCallsToRevertP50", Simulations.json(Simulations.quantile(calls, 0.5)));
            one.put("candidateCallsToRevertP90", Simulations.json(Simulations.quantile(calls, 0.9)));
            rows.add(one);
        }
        table.row(cells.toArray());
    }
}
