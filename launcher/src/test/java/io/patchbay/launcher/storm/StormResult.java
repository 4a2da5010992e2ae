package io.patchbay.launcher.storm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a storm did and found: the journal of operations, the load's figures, the departures, the checks, and the
 * console's {@code patches.json} (with the whole ledger) the checks read.
 */
public record StormResult(long seconds, List<Operation> journal, long consumerCalls, long consumerFailures,
        List<String> firstConsumerFailures, int departures, Map<String, Integer> ledgerByActor, List<Check> checks,
        String patchesJson) {

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failed() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    /** Operations per front end and outcome: {@code front end -> outcome -> count}. */
    public Map<String, Map<Outcome, Integer>> byFrontEnd() {
        Map<String, Map<Outcome, Integer>> counts = new TreeMap<>();
        for (Operation operation : journal) {
            counts.computeIfAbsent(operation.frontEnd(), f -> new TreeMap<>()).merge(operation.outcome(), 1,
                    Integer::sum);
        }
        return counts;
    }

    /** The operations of one front end ({@code null}: all) answered within the quantile, in milliseconds. */
    public double latencyMillis(String frontEnd, double quantile) {
        List<Long> nanos = new ArrayList<>();
        for (Operation operation : journal) {
            if (frontEnd == null || operation.frontEnd().equals(frontEnd)) {
                nanos.add(operation.nanos());
            }
        }
        if (nanos.isEmpty()) {
            return 0;
        }
        nanos.sort(null);
        int index = (int) Math.ceil(quantile * nanos.size()) - 1;
        return nanos.get(Math.max(0, index)) / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    /** A few lines for a log or a failed assertion. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("storm of %d s: %d operations %s; p99 %.0f ms, max %.0f ms%n", seconds,
                journal.size(), byFrontEnd(), latencyMillis(null, 0.99), latencyMillis(null, 1.0)));
        text.append(String.format("consumer calls %d, failed %d %s; departures %d; ledger by actor %s%n",
                consumerCalls, consumerFailures, firstConsumerFailures, departures, ledgerByActor));
        for (Check check : checks) {
            text.append(check.passed() ? "  ok   " : "  FAIL ").append(check.name())
                    .append(check.passed() ? "" : ": " + check.detail()).append('\n');
        }
        return text.toString();
    }
}
