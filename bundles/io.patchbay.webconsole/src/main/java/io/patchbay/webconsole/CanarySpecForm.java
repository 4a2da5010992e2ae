package io.patchbay.webconsole;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanarySpecDTO;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A canary spec from the parameters of a POST, each named as its {@link CanarySpecDTO} field ({@code split},
 * {@code steps}, {@code keys}, {@code bundles}, {@code salt}, {@code minCalls}, ...). A parameter that is absent or
 * blank stays {@code null}, so the manager fills in its default; lists are separated by commas or new lines.
 * Checking that the values make sense is the manager's: this only refuses what is not a number, in one sentence.
 */
final class CanarySpecForm {

    /** Where the values come from: a request's parameters, or a map in a test. */
    interface Parameters {
        String get(String name) throws IOException, ServletException;
    }

    private final Parameters parameters;

    private CanarySpecForm(Parameters parameters) {
        this.parameters = parameters;
    }

    static CanarySpecDTO parse(Parameters parameters) throws IOException, ServletException {
        return new CanarySpecForm(parameters).spec();
    }

    private CanarySpecDTO spec() throws IOException, ServletException {
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = text("split");
        spec.steps = steps();
        spec.keys = list("keys");
        spec.bundles = list("bundles");
        spec.salt = text("salt");
        spec.minStepMillis = whole("minStepMillis");
        spec.maxStepMillis = whole("maxStepMillis");
        spec.minCalls = whole("minCalls");
        spec.autoPromote = yesOrNo("autoPromote");
        spec.alpha = decimal("alpha");
        spec.beta = decimal("beta");
        spec.errorMargin = decimal("errorMargin");
        spec.errorRatio = decimal("errorRatio");
        spec.slowShare = decimal("slowShare");
        spec.slowMarginMicros = whole("slowMarginMicros");
        spec.warmupCalls = whole("warmupCalls");
        spec.guardErrorRate = decimal("guardErrorRate");
        spec.guardCalls = whole("guardCalls");
        spec.newExceptionRepeats = whole("newExceptionRepeats");
        return spec;
    }

    private String text(String name) throws IOException, ServletException {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String[] list(String name) throws IOException, ServletException {
        String value = text(name);
        return value == null ? null
                : Arrays.stream(value.split("[,\\r\\n]+")).map(String::trim).filter(s -> !s.isEmpty())
                        .toArray(String[]::new);
    }

    private double[] steps() throws IOException, ServletException {
        String[] steps = list("steps");
        if (steps == null) {
            return null;
        }
        try {
            return Arrays.stream(steps).mapToDouble(s -> Double.parseDouble(s.replace("%", "").trim())).toArray();
        } catch (NumberFormatException e) {
            throw new PatchException("steps takes percentages separated by commas, such as 1, 5, 25, 50; not '"
                    + String.join(", ", steps) + "'.");
        }
    }

    private Long whole(String name) throws IOException, ServletException {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new PatchException(name + " takes a whole number; not '" + value + "'.");
        }
    }

    private Double decimal(String name) throws IOException, ServletException {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new PatchException(name + " takes a number such as 0.05; not '" + value + "'.");
        }
    }

    private Boolean yesOrNo(String name) throws IOException, ServletException {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new PatchException(name + " takes true or false; not '" + value + "'.");
        };
    }
}
