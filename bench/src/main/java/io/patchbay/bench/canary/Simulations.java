package io.patchbay.bench.canary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Runs simulated canaries and sums them up. Canary number {@code i} of any scenario has the seed {@code SEED + i}
 * (common random numbers: every call draws the same numbers whatever the rates, see {@link SimArm#call}), so a run
 * gives the same figures every time, on any number of cores, and two scenarios differ only by what they change.
 */
final class Simulations {

    static final long SEED = 20_261_203L;

    private Simulations() {
    }

    /** {@code canaries} canaries of {@code scenario}, in the order of their numbers. */
    static List<Outcome> simulate(Scenario scenario, int canaries) {
        SimulatedCanary canary = new SimulatedCanary(scenario);
        return IntStream.range(0, canaries).parallel().mapToObj(i -> canary.run(SEED + i)).toList();
    }

    static long reverts(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::reverted).count();
    }

    /** Candidate calls until reverted, {@link Long#MAX_VALUE} for a canary that was not, sorted. */
    static long[] callsToRevert(List<Outcome> outcomes) {
        return sorted(outcomes, o -> o.reverted() ? o.candidateCalls() : Long.MAX_VALUE);
    }

    static long[] sorted(List<Outcome> outcomes, ToLongFunction<Outcome> value) {
        return outcomes.stream().mapToLong(value).sorted().toArray();
    }

    /** Nearest rank: the smallest value with at least {@code q} of all at or below it. */
    static long quantile(long[] sorted, double q) {
        return sorted.length == 0 ? Long.MAX_VALUE : sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    static Map<String, Long> count(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(key.apply(o), 1L, Long::sum));
        return counts;
    }

    /** Upper end of the 95 % Wilson score interval of {@code k} in {@code n}. */
    static double wilsonUpper(long k, int n) {
        double z = 1.959964;
        double p = (double) k / n;
        double z2n = z * z / n;
        return (p + z2n / 2 + z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n))) / (1 + z2n);
    }

    /** {@code k of n}, its share and the upper end of its 95 % interval: {@code 12 (1.2 %, ≤ 2.1 %)}. */
    static String rate(long k, int n) {
        return String.format(Locale.ROOT, "%d (%s, ≤ %s)", k, percent((double) k / n), percent(wilsonUpper(k, n)));
    }

    /** A share in percent, to two significant digits below 10 % and three above: 0.5 %, 2 %, 0.27 %, 99.9 %. */
    static String percent(double share) {
        double percent = share * 100;
        return new BigDecimal(percent).round(new MathContext(percent < 10 ? 2 : 3)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** A quantile for the JSON file: {@code null} for "never". */
    static Long json(long value) {
        return value == Long.MAX_VALUE ? null : value;
    }

    /** The median and p90 of candidate calls to revert, for a table cell. */
    static String callsCell(long[] sorted) {
        return calls(quantile(sorted, 0.5)) + " / " + calls(quantile(sorted, 0.9));
    }

    static String calls(long calls) {
        return calls == Long.MAX_VALUE ? "never" : Long.toString(calls);
    }

    static String seconds(long millis) {
        return millis == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    static String minutes(long millis) {
        return millis == Long.MAX_VALUE ? "n/a" : String.format(Locale.ROOT, "%.1f", millis / 60_000.0);
    }
}
