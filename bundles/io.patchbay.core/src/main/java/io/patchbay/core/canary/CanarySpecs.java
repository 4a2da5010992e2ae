package io.patchbay.core.canary;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanarySpecDTO;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Fills in a canary spec's defaults and refuses one that makes no sense, with one sentence. */
public final class CanarySpecs {

    static final double[] DEFAULT_STEPS = { 1, 5, 25, 50 };
    private static final List<String> SPLITS = List.of(CanarySpecDTO.CALLS, CanarySpecDTO.KEYS,
            CanarySpecDTO.CHOSEN_KEYS, CanarySpecDTO.BUNDLES);

    private CanarySpecs() {
    }

    /** A copy of {@code given} with every default in place; {@code salt} defaults to the candidate's id. */
    public static CanarySpecDTO complete(CanarySpecDTO given, String candidateId) {
        CanarySpecDTO in = given == null ? new CanarySpecDTO() : given;
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = in.split == null || in.split.isBlank() ? CanarySpecDTO.CALLS : in.split.trim().toLowerCase(Locale.ROOT);
        if (!SPLITS.contains(spec.split)) {
            throw new PatchException("A canary splits by " + String.join(", ", SPLITS) + "; not by " + in.split + ".");
        }
        spec.steps = in.steps == null || in.steps.length == 0 ? DEFAULT_STEPS.clone() : in.steps.clone();
        spec.keys = in.keys == null ? new String[0] : in.keys.clone();
        spec.bundles = in.bundles == null ? new String[0] : in.bundles.clone();
        spec.salt = in.salt == null || in.salt.isBlank() ? candidateId : in.salt;
        spec.minStepMillis = or(in.minStepMillis, 30_000L);
        spec.maxStepMillis = or(in.maxStepMillis, 600_000L);
        spec.minCalls = or(in.minCalls, 100L);
        spec.autoPromote = in.autoPromote == null || in.autoPromote;
        spec.alpha = or(in.alpha, 0.01);
        spec.beta = or(in.beta, 0.05);
        spec.errorMargin = or(in.errorMargin, 0.005);
        spec.errorRatio = or(in.errorRatio, 2.0);
        spec.slowShare = or(in.slowShare, 0.05);
        spec.slowRatio = or(in.slowRatio, 1.2);
        spec.slowMarginMicros = or(in.slowMarginMicros, 50L);
        spec.warmupCalls = or(in.warmupCalls, 200L);
        spec.guardErrorRate = or(in.guardErrorRate, 0.5);
        spec.guardCalls = or(in.guardCalls, 20L);
        spec.newExceptionRepeats = or(in.newExceptionRepeats, 3L);
        check(spec);
        return spec;
    }

    /** Whether the split walks shares (calls or keys) rather than naming who gets the candidate. */
    static boolean isShare(CanarySpecDTO spec) {
        return CanarySpecDTO.CALLS.equals(spec.split) || CanarySpecDTO.KEYS.equals(spec.split);
    }

    /** The split in a few words, for the ledger. */
    public static String describe(CanarySpecDTO spec) {
        return switch (spec.split) {
            case CanarySpecDTO.CHOSEN_KEYS -> "the keys " + String.join(", ", spec.keys);
            case CanarySpecDTO.BUNDLES -> "every call from " + String.join(", ", spec.bundles);
            case CanarySpecDTO.KEYS -> "a sticky share of keys (salt " + spec.salt + "), steps " + steps(spec) + " %";
            default -> "a random share of calls, not sticky, steps " + steps(spec) + " %";
        };
    }

    private static String steps(CanarySpecDTO spec) {
        return Arrays.stream(spec.steps).mapToObj(s -> s == Math.rint(s) ? Long.toString((long) s)
                : Double.toString(s)).collect(Collectors.joining(" → "));
    }

    private static void check(CanarySpecDTO spec) {
        double last = 0;
        for (double step : spec.steps) {
            if (!(step > last) || step >= 100) {
                throw new PatchException("Canary steps must rise, each above 0 and below 100 % (100 % is the"
                        + " promotion); " + Arrays.toString(spec.steps) + " does not.");
            }
            last = step;
        }
        if (CanarySpecDTO.CHOSEN_KEYS.equals(spec.split) && spec.keys.length == 0) {
            throw new PatchException("A chosen-keys canary needs the keys it routes to the candidate.");
        }
        if (CanarySpecDTO.BUNDLES.equals(spec.split) && spec.bundles.length == 0) {
            throw new PatchException("A bundles canary needs the consumer bundles it routes to the candidate.");
        }
        if (!(spec.alpha > 0 && spec.alpha < 0.5 && spec.beta > 0 && spec.beta < 0.5)) {
            throw new PatchException("The judge's alpha and beta must be above 0 and below 0.5.");
        }
        if (spec.minStepMillis < 0 || spec.maxStepMillis < spec.minStepMillis || spec.minCalls < 0
                || spec.errorMargin < 0 || spec.errorRatio < 1 || !(spec.slowShare > 0.01 && spec.slowShare < 1)
                || spec.warmupCalls < 0 || spec.slowMarginMicros < 0
                || !(spec.slowRatio >= 1) || !(spec.guardErrorRate > 0 && spec.guardErrorRate <= 1)
                || spec.guardCalls < 1 || spec.newExceptionRepeats < 1) {
            throw new PatchException("A canary threshold is out of range: times and counts must not be negative, the"
                    + " longest step not shorter than the shortest, the error and slow ratios at least 1 and the slow share"
                    + " between 0.01 and 1.");
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
