package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.canary.CanarySpecs;
import java.util.function.Consumer;

/**
 * How a simulated canary is judged: the default spec of {@code CanarySpecs.complete}, changed by {@code change},
 * and, when {@code oracle}, against the baseline's true error rate and p99 instead of what its arm showed in the
 * step's window (a what-if that tells how much of the judge's false reverts that estimate causes; the judge itself
 * is the same).
 */
record Judging(String name, Consumer<CanarySpecDTO> change, boolean oracle) {

    static final Judging DEFAULT = new Judging("default spec", spec -> { }, false);
    static final Judging GUARDS_OFF = new Judging("guards off", spec -> {
        spec.guardCalls = Long.MAX_VALUE;
        spec.newExceptionRepeats = Long.MAX_VALUE;
    }, false);
    static final Judging ALPHA = new Judging("alpha 0.001", spec -> spec.alpha = 0.001, false);
    static final Judging NO_SLOW_MARGIN = new Judging("slowMarginMicros 0", spec -> spec.slowMarginMicros = 0L,
            false);
    static final Judging ORACLE = new Judging("default spec, baseline's true rate and p99", spec -> { }, true);

    CanarySpecDTO spec() {
        CanarySpecDTO spec = CanarySpecs.complete(null, "bench.candidate/1.0.1");
        change.accept(spec);
        return spec;
    }
}
