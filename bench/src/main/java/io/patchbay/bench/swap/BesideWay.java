package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import org.osgi.framework.Bundle;

/**
 * (c) Install the new version beside the old with a higher {@code service.ranking} and start it; the old stays
 * installed and registered.
 */
final class BesideWay implements Way {

    private Felix felix;
    private Variants variants;
    private int installed = 1;

    @Override
    public String name() {
        return "beside, higher ranking";
    }

    @Override
    public String key() {
        return "beside";
    }

    @Override
    public boolean patchbay() {
        return false;
    }

    @Override
    public String prepare(Felix felix, Artifacts artifacts) throws Exception {
        this.felix = felix;
        variants = new Variants(artifacts.original(), artifacts.fixPatch());
        return SERVED_BY + "1.0.0";
    }

    @Override
    public String expected(int index) {
        return SERVED_BY + Variants.version(index);
    }

    @Override
    public void swap(int index) throws Exception {
        Bundle next = felix.context().installBundle("bench:beside/" + index,
                Variants.stream(variants.forSwap(index, index)));
        next.start();
        installed++;
    }

    @Override
    public int implementationBundles() {
        return installed;
    }
}
