package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import java.util.List;
import org.osgi.framework.Bundle;

/** (b) Felix's standard {@code update} of the implementation bundle with the new jar, then {@code refresh}. */
final class UpdateWay implements Way {

    private Felix felix;
    private Bundle implementation;
    private Variants variants;

    @Override
    public String name() {
        return "update + refresh";
    }

    @Override
    public String key() {
        return "update";
    }

    @Override
    public boolean patchbay() {
        return false;
    }

    @Override
    public String prepare(Felix felix, Artifacts artifacts) throws Exception {
        this.felix = felix;
        implementation = felix.bundle("com.example.pricing.impl");
        variants = new Variants(artifacts.original(), artifacts.fixPatch());
        return SERVED_BY + "1.0.0";
    }

    @Override
    public String expected(int index) {
        return SERVED_BY + Variants.version(index);
    }

    @Override
    public void swap(int index) throws Exception {
        implementation.update(Variants.stream(variants.forSwap(index, null)));
        felix.refresh(List.of(implementation));
    }

    @Override
    public int implementationBundles() {
        return 1;
    }
}
