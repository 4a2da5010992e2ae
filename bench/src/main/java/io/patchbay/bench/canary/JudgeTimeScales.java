package io.patchbay.bench.canary;

import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The latency test at four time scales: the slow margin ({@code slowMarginMicros}) is a fixed time added to the
 * baseline's p99, so what it hides and what it lets through depend on how long the slot's calls take. Healthy
 * canaries against a baseline that never fails (so only the latency test can revert them), and two slow
 * candidates; without the margin every scale behaves alike (the last row).
 */
final class JudgeTimeScales {

    private static final double[] MEDIANS = { 0.1, 1, 10, 100 };

    private final int canaries;
    private final int rate;

    JudgeTimeScales(int canaries, int rate) {
        this.canaries = canaries;
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
        Section section = Section.of("canaryTimeScales", "Canary judge: the latency test and the slow margin",
                table, JudgeFigures.notes(canaries + " canaries per cell, " + rate + " slot calls per second,"
                        + " neither arm fails."));
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
            List<Outcome> outcomes = Simulations.simulate(slow, canaries);
            long[] calls = Simulations.callsToRevert(outcomes);
            cells.add(Simulations.reverts(outcomes) + ", " + Simulations.callsCell(calls));
            Map<String, Object> one = JudgeFigures.describe(slow, canaries);
            one.put("reverted", Simulations.reverts(outcomes));
            one.put("candidateCallsToRevertP50", Simulations.json(Simulations.quantile(calls, 0.5)));
            one.put("candidateCallsToRevertP90", Simulations.json(Simulations.quantile(calls, 0.9)));
            rows.add(one);
        }
        table.row(cells.toArray());
    }
}
