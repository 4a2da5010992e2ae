package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Manager;
import java.io.File;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * (a) Patchbay: {@code PatchManager.apply} of the example patch jar on odd swaps, {@code revert} on even ones.
 * The first apply installs the patch; later ones find it installed as a standby and only switch.
 */
final class PatchbayWay implements Way {

    private Manager manager;
    private File patch;
    private Felix felix;

    @Override
    public String name() {
        return "Patchbay apply/revert";
    }

    @Override
    public String key() {
        return "patchbay";
    }

    @Override
    public boolean patchbay() {
        return true;
    }

    @Override
    public String prepare(Felix felix, Artifacts artifacts) throws Exception {
        this.felix = felix;
        manager = new Manager(felix);
        patch = artifacts.fixPatch();
        return SERVED_BY + "1.0.0";
    }

    @Override
    public String expected(int index) {
        return SERVED_BY + (index % 2 == 1 ? "1.0.1" : "1.0.0");
    }

    @Override
    public void swap(int index) {
        String to = index % 2 == 1 ? manager.apply(patch) : manager.revert(Manager.SLOT);
        String want = index % 2 == 1 ? Manager.FIXED : "com.example.pricing.impl/1.0.0";
        if (!want.equals(to)) {
            throw new IllegalStateException("Swap " + index + " went to " + to + ", not " + want);
        }
    }

    @Override
    public int implementationBundles() {
        return (int) Stream.of(felix.context().getBundles())
                .filter(b -> "com.example.pricing.impl".equals(b.getSymbolicName()))
                .filter(b -> b.getState() != Bundle.UNINSTALLED).count();
    }
}
