package io.patchbay.bench.canary;

import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The same canaries judged otherwise: a smaller alpha, no slow margin (as the judge was before it had one), and
 * the default spec against the baseline's true error rate and p99 instead of its window's. Tells which default,
 * or which part of the judge, the false reverts come from, and what changing it would cost in detection.
 */
final class JudgeWhatIf {

    private static final List<Judging> JUDGINGS = List.of(Judging.DEFAULT, Judging.ALPHA, Judging.NO_SLOW_MARGIN,
            Judging.ORACLE);

    private final int canaries;
    private final int rate;

    JudgeWhatIf(int canaries, int rate) {
        this.canaries = canaries;
        this.rate = rate;
    }

    Section run() {
        Table table = new Table("Judged with", "False reverts, baseline 0 %", "... 0.5 %", "... 2 %",
                "Calls to revert p50 / p90: 1 % errors, baseline 0.5 %", "5 % errors, baseline 0.5 %",
                "5 % of calls 10x slower");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Judging judging : JUDGINGS) {
            List<Object> cells = new ArrayList<>(List.of(judging.name()));
            for (double errors : JudgeFigures.BASELINE_ERRORS) {
                Scenario healthy = Scenario.healthy(rate, errors, judging);
                long reverted = Simulations.reverts(Simulations.simulate(healthy, canaries));
                cells.add(Simulations.rate(reverted, canaries));
                Map<String, Object> row = JudgeFigures.describe(healthy, canaries);
                row.put("falseReverts", reverted);
                rows.add(row);
            }
            for (Scenario failing : List.of(
                    Scenario.failing("1 % errors, baseline 0.5 %, " + judging.name(), rate, 0.005, 0.01, true, judging),
                    Scenario.failing("5 % errors, baseline 0.5 %, " + judging.name(), rate, 0.005, 0.05, true, judging),
                    Scenario.slow("5 % slow, baseline 0 %, " + judging.name(), rate, 0.05, 1, Scenario.MEDIAN_MILLIS,
                            judging))) {
                List<Outcome> outcomes = Simulations.simulate(failing, canaries);
                long[] calls = Simulations.callsToRevert(outcomes);
                cells.add(Simulations.callsCell(calls) + " (" + Simulations.reverts(outcomes) + " reverted)");
                Map<String, Object> row = JudgeFigures.describe(failing, canaries);
                row.put("reverted", Simulations.reverts(outcomes));
                row.put("candidateCallsToRevertP50", Simulations.json(Simulations.quantile(calls, 0.5)));
                row.put("candidateCallsToRevertP90", Simulations.json(Simulations.quantile(calls, 0.9)));
                rows.add(row);
            }
            table.row(cells.toArray());
        }
        Section section = Section.of("canaryWhatIf", "Canary judge: the same canaries judged otherwise", table,
                JudgeFigures.notes(canaries + " canaries per cell, " + rate + " slot calls per second; failing"
                        + " candidates throw the baseline's exception class, so the new-exception guard does not"
                        + " decide. \"baseline's true rate and p99\": the judge is handed the baseline's real error"
                        + " rate and p99 call time instead of what its arm showed in the step's window (the"
                        + " baseline's timed-call count stays the window's); everything else is the default."));
        section.data().put("results", rows);
        return section;
    }
}
