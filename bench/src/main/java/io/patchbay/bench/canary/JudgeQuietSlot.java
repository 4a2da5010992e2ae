package io.patchbay.bench.canary;

import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Healthy canaries on a quiet slot (100 calls per second: step 1 gives the candidate one call a second): how many
 * reach a verdict, a promotion or a (false) revert, within ten minutes, against a clean baseline and one that fails
 * 0.5 % of its calls. A canary still undecided then, or held for an operator, has no verdict.
 */
final class JudgeQuietSlot {

    static final int CALLS_PER_SECOND = 100;
    static final long VERDICT_MILLIS = 600_000;
    private static final double[] BASELINE_ERRORS = { 0, 0.005 };

    private final int canaries;

    JudgeQuietSlot(int canaries) {
        this.canaries = canaries;
    }

    Section run() {
        Table table = new Table("Baseline errors", "Canaries", "Verdict within 10 min", "Promoted", "False reverts",
                "Held or undecided", "Minutes to verdict p50 / p90");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double errors : BASELINE_ERRORS) {
            Scenario scenario = Scenario.healthy(CALLS_PER_SECOND, errors, Judging.DEFAULT);
            List<Outcome> outcomes = Simulations.simulate(scenario, canaries);
            long inTime = outcomes.stream().filter(JudgeQuietSlot::decidedInTime).count();
            long promoted = outcomes.stream().filter(o -> Outcome.PROMOTED.equals(o.end())).count();
            long reverted = Simulations.reverts(outcomes);
            long[] decided = Simulations.sorted(outcomes, o -> Outcome.HELD.equals(o.end()) ? Long.MAX_VALUE
                    : o.millis());
            table.row(Simulations.percent(errors), canaries, Simulations.percent((double) inTime / canaries),
                    promoted, Simulations.rate(reverted, canaries), canaries - promoted - reverted,
                    Simulations.minutes(Simulations.quantile(decided, 0.5)) + " / "
                            + Simulations.minutes(Simulations.quantile(decided, 0.9)));
            Map<String, Object> row = JudgeFigures.describe(scenario, canaries);
            row.put("verdictWithin10Minutes", inTime);
            row.put("promoted", promoted);
            row.put("falseReverts", reverted);
            row.put("millisToVerdictP50", Simulations.json(Simulations.quantile(decided, 0.5)));
            row.put("millisToVerdictP90", Simulations.json(Simulations.quantile(decided, 0.9)));
            rows.add(row);
        }
        Section section = Section.of("canaryQuietSlot", "Canary judge: verdicts on a quiet slot (100 calls/s)",
                table, JudgeFigures.notes(canaries + " healthy canaries per row, " + CALLS_PER_SECOND + " slot calls"
                        + " per second (step 1: one candidate call a second). A verdict is a promotion or a revert;"
                        + " held: a step stayed undecided for maxStepMillis and waits for an operator."));
        section.data().put("results", rows);
        return section;
    }

    private static boolean decidedInTime(Outcome outcome) {
        return !Outcome.HELD.equals(outcome.end()) && outcome.millis() <= VERDICT_MILLIS;
    }
}
