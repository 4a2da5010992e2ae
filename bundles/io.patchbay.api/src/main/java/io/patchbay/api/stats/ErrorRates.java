package io.patchbay.api.stats;

/**
 * Error rates as Patchbay's health judgements take them: the canary judge (the baseline's rate) and the fleet
 * agent's health window (the replaced code's rate) both take the rate they compare with at its upper 95 % Wilson
 * bound, so that a record of few calls does not make an equal rate look worse by chance. Thread-safe (static,
 * no state).
 */
public final class ErrorRates {

    /** The normal quantile of a two-sided 95 % interval. */
    public static final double Z_95 = 1.959964;

    private ErrorRates() {
    }

    /**
     * The upper end of the 95 % Wilson score interval of {@code errors} in {@code calls}: at least the observed
     * rate, at most 1; 0 without calls.
     */
    public static double wilsonUpper(long errors, long calls) {
        if (calls <= 0) {
            return 0;
        }
        double p = (double) errors / calls;
        double z2 = Z_95 * Z_95;
        double centre = p + z2 / (2 * calls);
        double spread = Z_95 * Math.sqrt(p * (1 - p) / calls + z2 / (4.0 * calls * calls));
        return Math.min(1, (centre + spread) / (1 + z2 / calls));
    }
}
