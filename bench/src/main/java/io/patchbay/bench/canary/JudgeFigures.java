package io.patchbay.bench.canary;

import static io.patchbay.bench.canary.Simulations.percent;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Table;
import io.patchbay.core.canary.Canaries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The judge's figures: how many candidate calls until a candidate that fails on 1 %, 5 % or 50 % of its calls
 * (or is slow on some) is reverted, and how many healthy canaries (the candidate as good as the baseline) are
 * reverted anyway. Every canary is a {@link SimulatedCanary} judged by the manager's own judge.
 */
final class JudgeFigures {

    /**
     * @param detection canaries per failing candidate, at {@code detectionRate} slot calls per second
     * @param healthy healthy canaries per baseline error rate and traffic in {@code healthyRates}
     * @param scales canaries per cell of the time-scale table (at {@code detectionRate})
     */
    record Settings(int detection, int healthy, int detectionRate, List<Integer> healthyRates, int scales) {

        static Settings of(String run) {
            return "smoke".equals(run) ? new Settings(8, 8, 1000, List.of(1000), 4)
                    : new Settings(300, 1000, 1000, List.of(100, 1000, 10_000), 1000);
        }
    }

    static final double[] BASELINE_ERRORS = { 0, 0.005, 0.02 };

    private final Settings settings;

    JudgeFigures(Settings settings) {
        this.settings = settings;
    }

    List<Section> run() {
        return List.of(new JudgeTimeScales(settings.scales(), settings.detection(), settings.detectionRate()).run(),
                new JudgeQuietSlot(settings.healthy()).run(), detection(), falseReverts());
    }

    /** Candidate calls until a failing candidate is reverted. */
    private Section detection() {
        int rate = settings.detectionRate();
        List<Scenario> scenarios = new ArrayList<>();
        for (double errors : new double[] { 0.01, 0.05, 0.5 }) {
            String e = percent(errors) + " errors, baseline ";
            scenarios.add(Scenario.failing(e + "0 %, default spec", rate, 0, errors, false, Judging.DEFAULT));
            scenarios.add(Scenario.failing(e + "0 %, guards off", rate, 0, errors, false, Judging.GUARDS_OFF));
            scenarios.add(Scenario.failing(e + "0.5 % (same exception), default spec", rate, 0.005, errors, true,
                    Judging.DEFAULT));
        }
        for (double slow : new double[] { 0.05, 0.2 }) {
            scenarios.add(Scenario.slow(percent(slow) + " of calls 10x slower, baseline 0 %, default spec", rate, slow,
                    1, Scenario.MEDIAN_MILLIS, Judging.DEFAULT));
        }
        Table table = new Table("Candidate", "Canaries", "Reverted", "Candidate calls to revert p50 / p90",
                "Seconds to revert p50 / p90", "Step reverted in (most)", "Decided by");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<Outcome> outcomes = Simulations.simulate(scenario, settings.detection());
            long[] calls = Simulations.callsToRevert(outcomes);
            long[] millis = Simulations.sorted(outcomes, o -> o.reverted() ? o.millis() : Long.MAX_VALUE);
            long reverted = Simulations.reverts(outcomes);
            Map<String, Long> causes = Simulations.count(outcomes, o -> o.reverted() ? o.cause()
                    : "not reverted (" + o.end() + ")");
            Map<String, Long> steps = Simulations.count(outcomes, o -> "step " + o.step());
            table.row(scenario.name(), outcomes.size(), reverted, Simulations.callsCell(calls),
                    Simulations.seconds(Simulations.quantile(millis, 0.5)) + " / "
                            + Simulations.seconds(Simulations.quantile(millis, 0.9)),
                    steps.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(),
                    shares(causes, outcomes.size()));
            Map<String, Object> row = describe(scenario, outcomes.size());
            row.put("reverted", reverted);
            row.put("candidateCallsToRevertP50", Simulations.json(Simulations.quantile(calls, 0.5)));
            row.put("candidateCallsToRevertP90", Simulations.json(Simulations.quantile(calls, 0.9)));
            row.put("millisToRevertP50", Simulations.json(Simulations.quantile(millis, 0.5)));
            row.put("millisToRevertP90", Simulations.json(Simulations.quantile(millis, 0.9)));
            row.put("causes", causes);
            row.put("steps", steps);
            rows.add(row);
        }
        Section section = Section.of("canaryDetection", "Canary judge: calls until a failing candidate is reverted",
                table, notes("Failing candidates against a healthy baseline, " + rate + " slot calls per second."
                        + " Quantiles are nearest-rank over all canaries; one never reverted counts as infinitely"
                        + " many calls (\"never\"). Decided by: errors or latency (the sequential tests),"
                        + " guard:errors (at least half the step's calls failed), guard:new-exception (an exception"
                        + " class the baseline never threw, repeated); with a baseline that never fails every"
                        + " exception of the candidate is new."));
        section.data().put("results", rows);
        return section;
    }

    /** Healthy canaries reverted anyway. */
    private Section falseReverts() {
        Table table = new Table("Baseline errors", "Slot calls/s", "Canaries", "False reverts (rate, 95 % upper)",
                "By errors / latency / guards", "In step 1 / 2 / 3 / 4", "Promoted", "Held",
                "Minutes to promote p50 / p90", "Step 1 candidate calls p50");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int rate : settings.healthyRates()) {
            for (double errors : BASELINE_ERRORS) {
                Scenario scenario = Scenario.healthy(rate, errors, Judging.DEFAULT);
                List<Outcome> outcomes = Simulations.simulate(scenario, settings.healthy());
                int n = outcomes.size();
                long reverted = Simulations.reverts(outcomes);
                Map<String, Long> ends = Simulations.count(outcomes, o -> o.reverted() ? o.cause() : o.end());
                long byGuards = ends.entrySet().stream().filter(c -> c.getKey().startsWith("guard"))
                        .mapToLong(Map.Entry::getValue).sum();
                Map<String, Long> steps = Simulations.count(outcomes, o -> o.reverted() ? "" + o.step() : "-");
                long[] promote = Simulations.sorted(outcomes, o -> Outcome.PROMOTED.equals(o.end()) ? o.millis()
                        : Long.MAX_VALUE);
                long[] firstStep = Simulations.sorted(outcomes, o -> o.firstStepCalls() >= 0 ? o.firstStepCalls()
                        : Long.MAX_VALUE);
                table.row(percent(errors), rate, n, Simulations.rate(reverted, n), ends.getOrDefault("errors", 0L)
                        + " / " + ends.getOrDefault("latency", 0L) + " / " + byGuards,
                        steps.getOrDefault("1", 0L) + " / " + steps.getOrDefault("2", 0L) + " / "
                                + steps.getOrDefault("3", 0L) + " / " + steps.getOrDefault("4", 0L),
                        ends.getOrDefault(Outcome.PROMOTED, 0L), ends.getOrDefault(Outcome.HELD, 0L),
                        Simulations.minutes(Simulations.quantile(promote, 0.5)) + " / "
                                + Simulations.minutes(Simulations.quantile(promote, 0.9)),
                        Simulations.calls(Simulations.quantile(firstStep, 0.5)));
                Map<String, Object> row = describe(scenario, n);
                row.put("falseReverts", reverted);
                row.put("falseRevertRate", (double) reverted / n);
                row.put("falseRevertRateUpper95", Simulations.wilsonUpper(reverted, n));
                row.put("outcomes", ends);
                row.put("falseRevertsByStep", steps);
                row.put("millisToPromoteP50", Simulations.json(Simulations.quantile(promote, 0.5)));
                row.put("millisToPromoteP90", Simulations.json(Simulations.quantile(promote, 0.9)));
                row.put("firstStepCandidateCallsP50", Simulations.json(Simulations.quantile(firstStep, 0.5)));
                rows.add(row);
            }
        }
        Section section = Section.of("canaryFalseReverts", "Canary judge: false reverts of healthy canaries", table,
                notes("Healthy canaries: the candidate fails as often as the baseline, with the same exception"
                        + " class, and is as fast. A false revert is a revert in any step. Held: a step stayed"
                        + " undecided for maxStepMillis; the canary waits for an operator, and the simulation stops"
                        + " there. Step 1 candidate calls: when the first step passed (\"never\" if half the"
                        + " canaries did not get past it)."));
        section.data().put("results", rows);
        return section;
    }

    /** {@code first}, then how the canaries are simulated and judged. */
    static List<String> notes(String first) {
        CanarySpecDTO spec = Judging.DEFAULT.spec();
        return List.of(first, String.format(Locale.ROOT, "Each canary is simulated call by call: a random share of"
                + " calls walking the default steps %s %%, judged every %d ms of simulated time by the manager's own"
                + " judge (io.patchbay.core.canary.CanaryMachine) with the default spec of CanarySpecs.complete:"
                + " alpha %s, beta %s, errorMargin %s, errorRatio %s, slowShare %s, slowRatio %s, slowMarginMicros"
                + " %d, minCalls %d, warmupCalls %d, minStepMillis %d, maxStepMillis %d, guards at %s errors over at"
                + " least %d calls and at %d repeats of a new exception class (\"guards off\": only the sequential"
                + " tests decide).", Arrays.toString(spec.steps), Canaries.TICK_MILLIS, spec.alpha, spec.beta,
                spec.errorMargin, spec.errorRatio, spec.slowShare, spec.slowRatio, spec.slowMarginMicros,
                spec.minCalls, spec.warmupCalls,
                spec.minStepMillis, spec.maxStepMillis, percent(spec.guardErrorRate), spec.guardCalls,
                spec.newExceptionRepeats), "Call times: log-normal, median 1 ms unless said, sigma 0.5, alike in both"
                        + " arms unless said; a \"10x slower\" call takes ten times as long. Fixed seeds, the same in"
                        + " every row: every run gives the same figures.");
    }

    static Map<String, Object> describe(Scenario scenario, int canaries) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", scenario.name());
        row.put("judging", scenario.judging().name());
        row.put("callsPerSecond", scenario.callsPerSecond());
        row.put("baselineErrorRate", scenario.baselineErrors());
        row.put("candidateErrorRate", scenario.candidateErrors());
        row.put("candidateSlowShare", scenario.candidateSlowShare());
        row.put("sameException", scenario.sameException());
        row.put("canaries", canaries);
        return row;
    }

    private static String shares(Map<String, Long> counts, int n) {
        StringBuilder out = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(c ->
                out.append(out.length() == 0 ? "" : ", ").append(c.getKey()).append(' ')
                        .append(percent((double) c.getValue() / n)));
        return out.toString();
    }
}
