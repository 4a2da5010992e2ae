package io.patchbay.bench.retire;

import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Reflect;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What the product itself says of the retirement run: {@code PatchInspector.retired} in the embedded framework,
 * called reflectively, counted for one implementation. The run's own weak references must agree with it.
 */
final class RetiredCheck {

    final long total;
    final long collected;

    private RetiredCheck(long total, long collected) {
        this.total = total;
        this.collected = collected;
    }

    /** The entries for {@code implementation} (one per bundle it was installed as) and how many are collected. */
    static RetiredCheck of(Felix felix, String implementation, long waitMillis) throws Exception {
        Class<?> type = felix.bundle("io.patchbay.api").loadClass("io.patchbay.api.PatchInspector");
        Method retired = Reflect.method(type, "retired", long.class);
        List<?> report = (List<?>) Reflect.invoke(retired, felix.service("(objectClass=io.patchbay.api.PatchInspector)"),
                waitMillis);
        long total = 0;
        long collected = 0;
        for (Object entry : report) {
            if (implementation.equals(Reflect.field(entry, "implementation"))) {
                total++;
                if (Boolean.TRUE.equals(Reflect.field(entry, "collected"))) {
                    collected++;
                }
            }
        }
        return new RetiredCheck(total, collected);
    }

    String cell() {
        return collected + " of " + total + " collected";
    }
}
