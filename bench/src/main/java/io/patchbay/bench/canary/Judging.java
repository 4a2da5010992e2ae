package io.patchbay.bench.canary;

import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.core.canary.CanarySpecs;
import java.util.function.Consumer;

/** How a simulated canary is judged: the default spec of {@code CanarySpecs.complete}, changed by {@code change}. */
record Judging(String name, Consumer<CanarySpecDTO> change) {

    static final Judging DEFAULT = new Judging("default spec", spec -> { });
    static final Judging GUARDS_OFF = new Judging("guards off", spec -> {
        spec.guardCalls = Long.MAX_VALUE;
        spec.newExceptionRepeats = Long.MAX_VALUE;
    });

    CanarySpecDTO spec() {
        CanarySpecDTO spec = CanarySpecs.complete(null, "bench.candidate/1.0.1");
        change.accept(spec);
        return spec;
    }
}
