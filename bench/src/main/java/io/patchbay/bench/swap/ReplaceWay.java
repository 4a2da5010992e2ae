package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import java.util.List;
import org.osgi.framework.Bundle;

/** (d) Install and start the new version, uninstall the old, refresh. */
final class ReplaceWay implements Way {

    private Felix felix;
    private Variants variants;
    private Bundle current;

    @Override
    public String name() {
        return "install new, uninstall old, refresh";
    }

    @Override
    public String key() {
        return "replace";
    }

    @Override
    public boolean patchbay() {
        return false;
    }

    @Override
    public String prepare(Felix felix, Artifacts artifacts) throws Exception {
        this.felix = felix;
        current = felix.bundle("com.example.pricing.impl");
        variants = new Variants(artifacts.original(), artifacts.fixPatch());
        return SERVED_BY + "1.0.0";
    }

    @Override
    public String expected(int index) {
        return SERVED_BY + Variants.version(index);
    }

    @Override
    public void swap(int index) throws Exception {
        Bundle next = felix.context().installBundle("bench:replace/" + index,
                Variants.stream(variants.forSwap(index, null)));
        next.start();
        Bundle old = current;
        old.uninstall();
        current = next;
        felix.refresh(List.of(old));
    }

    @Override
    public int implementationBundles() {
        return 1;
    }
}
