package io.patchbay.core.slot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;

/** The bundles holding a slot's facade, each with how many facades it holds, in the order they first got one. */
public final class ConsumerBundles {

    private final Map<Bundle, Integer> facades = new LinkedHashMap<>();

    public synchronized void added(Bundle bundle) {
        facades.merge(bundle, 1, Integer::sum);
    }

    public synchronized void removed(Bundle bundle) {
        facades.computeIfPresent(bundle, (b, count) -> count > 1 ? count - 1 : null);
    }

    public synchronized List<Bundle> list() {
        return List.copyOf(facades.keySet());
    }
}
