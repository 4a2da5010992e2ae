package io.patchbay.bench.swap;

import org.osgi.framework.Bundle;

/**
 * (c) Install the new version beside the old with a higher {@code service.ranking} and start it; the old stays
 * installed and registered.
 */
final class BesideWay extends StandardWay {

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
