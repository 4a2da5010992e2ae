package io.patchbay.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Durations recorded in nanoseconds, reported in milliseconds. */
public final class Stats {

    private final Histogram histogram = new Histogram(3);

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double medianMillis() {
        return millis(50);
    }

    public double p99Millis() {
        return millis(99);
    }

    public double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }

    private double millis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    /** {@code median / p99} for a table cell. */
    public String cell() {
        return count() == 0 ? "n/a" : ms(medianMillis()) + " / " + ms(p99Millis());
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count());
        json.put("medianMs", round(medianMillis()));
        json.put("p99Ms", round(p99Millis()));
        json.put("maxMs", round(maxMillis()));
        return json;
    }

    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis < 1 ? String.format("%.3f ms", millis) : millis < 100 ? String.format("%.1f ms", millis)
                : String.format("%.0f ms", millis);
    }

    public static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }
}
