package io.patchbay.bench.swap;

import java.util.List;
import org.osgi.framework.Bundle;

/** (d) Install and start the new version, uninstall the old, refresh. */
final class ReplaceWay extends StandardWay {

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
    public void swap(int index) throws Exception {
        Bundle next = felix.context().installBundle("bench:replace/" + index,
                Variants.stream(variants.forSwap(index, null)));
        next.start();
        Bundle old = current == null ? original : current;
        old.uninstall();
        current = next;
        felix.refresh(List.of(old));
    }
}
