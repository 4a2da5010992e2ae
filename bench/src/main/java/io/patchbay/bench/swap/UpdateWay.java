package io.patchbay.bench.swap;

import java.util.List;

/** (b) Felix's standard {@code update} of the implementation bundle with the new jar, then {@code refresh}. */
final class UpdateWay extends StandardWay {

    @Override
    public String name() {
        return "update + refresh";
    }

    @Override
    public String key() {
        return "update";
    }

    @Override
    public void swap(int index) throws Exception {
        original.update(Variants.stream(variants.forSwap(index, null)));
        felix.refresh(List.of(original));
    }
}
