package io.patchbay.shell;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanarySpecDTO;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/** Turns {@code patch:canary}'s options into a {@link CanarySpecDTO}; what is not given stays {@code null}. */
final class CanarySpecText {

    private CanarySpecText() {
    }

    static CanarySpecDTO parse(String split, String steps, String keys, String bundles, String judge) {
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = blankToNull(split);
        if (!steps.isBlank()) {
            try {
                spec.steps = Arrays.stream(list(steps)).mapToDouble(s -> Double.parseDouble(s.replace("%", "")))
                        .toArray();
            } catch (NumberFormatException e) {
                throw new PatchException("--steps takes percentages separated by commas, such as 1,5,25,50; not "
                        + steps + ".");
            }
        }
        spec.keys = keys.isBlank() ? null : list(keys);
        spec.bundles = bundles.isBlank() ? null : list(bundles);
        for (String setting : judge.isBlank() ? new String[0] : list(judge)) {
            set(spec, setting);
        }
        return spec;
    }

    private static void set(CanarySpecDTO spec, String setting) {
        int equals = setting.indexOf('=');
        String name = equals < 0 ? setting : setting.substring(0, equals).trim();
        String value = equals < 0 ? "" : setting.substring(equals + 1).trim();
        Field field;
        try {
            field = CanarySpecDTO.class.getField(name);
        } catch (NoSuchFieldException e) {
            field = null;
        }
        if (field == null || Modifier.isStatic(field.getModifiers()) || field.getType().isArray()) {
            throw new PatchException("--judge takes name=value with the names minStepMillis, maxStepMillis,"
                    + " minCalls, autoPromote, alpha, beta, errorMargin, errorRatio, slowShare, slowRatio,"
                    + " slowMarginMicros, warmupCalls,"
                    + " guardErrorRate, guardCalls, newExceptionRepeats, salt; not " + setting + ".");
        }
        try {
            field.set(spec, value(field.getType(), value));
        } catch (IllegalArgumentException | IllegalAccessException e) {
            throw new PatchException("--judge " + name + " takes a " + field.getType().getSimpleName()
                    + "; not " + value + ".");
        }
    }

    private static Object value(Class<?> type, String value) {
        if (type == Long.class) {
            return Long.valueOf(value);
        }
        if (type == Double.class) {
            return Double.valueOf(value);
        }
        if (type == Boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(value);
            }
            return Boolean.valueOf(value);
        }
        return value;
    }

    private static String[] list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
