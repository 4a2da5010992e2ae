package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import org.osgi.framework.Bundle;

/**
 * What the standard OSGi ways share: no patch manager, the implementation 1.0.0 serving first, and every swap
 * bringing a copy of the jar with a version of its own, so answers from any earlier bundle are told apart.
 */
abstract class StandardWay implements Way {

    protected Felix felix;
    protected Variants variants;
    protected Bundle original;

    @Override
    public final boolean patchbay() {
        return false;
    }

    @Override
    public final String prepare(Felix felix, Artifacts artifacts) throws Exception {
        this.felix = felix;
        this.original = felix.bundle("com.example.pricing.impl");
        this.variants = new Variants(artifacts.original(), artifacts.fixPatch());
        return SERVED_BY + "1.0.0";
    }

    @Override
    public final String expected(int index) {
        return SERVED_BY + Variants.version(index);
    }

    @Override
    public int implementationBundles() {
        return 1;
    }
}
