package io.patchbay.itest;

import io.patchbay.fixture.consumers.PriceCaller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The four kinds of consumer from the consumers fixture, waited for with a tracker and a deadline. */
public final class Callers {

    public static final List<String> KINDS = List.of("ds-static", "ds-dynamic", "tracker", "plain");

    private Callers() {
    }

    public static Map<String, PriceCaller> all(BundleContext context) throws Exception {
        Map<String, PriceCaller> callers = new LinkedHashMap<>();
        for (String kind : KINDS) {
            ServiceTracker<PriceCaller, PriceCaller> tracker = new ServiceTracker<>(context,
                    FrameworkUtil.createFilter("(&(objectClass=" + PriceCaller.class.getName() + ")(kind=" + kind
                            + "))"),
                    null);
            tracker.open();
            PriceCaller caller = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
            if (caller == null) {
                throw new AssertionError("No " + kind + " consumer within 20 s");
            }
            callers.put(kind, caller);
        }
        return callers;
    }
}
