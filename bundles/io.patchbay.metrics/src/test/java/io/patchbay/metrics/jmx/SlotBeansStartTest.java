package io.patchbay.metrics.jmx;

import static org.junit.Assert.assertEquals;

import io.patchbay.api.PatchManager;
import io.patchbay.metrics.MetricsConfiguration;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.FrameworkUtil;

/** The slot MBeans wait for a starting framework's STARTED event; in a running framework they come at once. */
public class SlotBeansStartTest {

    private final List<FrameworkListener> listeners = new ArrayList<>();
    private final List<String> tracked = new ArrayList<>();
    private int systemState;

    @Test
    public void tracksTheFacadesOnlyOnceTheFrameworkHasStarted() throws Exception {
        systemState = Bundle.STARTING;
        BundleContext context = context();
        new SlotBeans(context, proxy(PatchManager.class), configuration());
        assertEquals("no tracker while the framework starts", List.of(), tracked);
        assertEquals(1, listeners.size());
        listeners.get(0).frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTLEVEL_CHANGED, bundle(), null));
        assertEquals(List.of(), tracked);
        listeners.get(0).frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTED, bundle(), null));
        assertEquals(List.of("(patchbay.facade=*)"), tracked);
        assertEquals("the listener is gone", List.of(), listeners);
    }

    @Test
    public void tracksAtOnceInARunningFramework() throws Exception {
        systemState = Bundle.ACTIVE;
        new SlotBeans(context(), proxy(PatchManager.class), configuration());
        assertEquals(List.of("(patchbay.facade=*)"), tracked);
        assertEquals(List.of(), listeners);
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "addFrameworkListener" -> listeners.add((FrameworkListener) args[0]) ? null : null;
                    case "removeFrameworkListener" -> listeners.remove(args[0]) ? null : null;
                    case "getBundle" -> bundle();
                    case "createFilter" -> FrameworkUtil.createFilter((String) args[0]);
                    case "addServiceListener" -> tracked.add(String.valueOf(args[1])) ? null : null;
                    case "getServiceReferences", "getAllServiceReferences" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Bundle bundle() {
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> systemState;
                    case "getBundleId" -> 0L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static MetricsConfiguration configuration() {
        return (MetricsConfiguration) Proxy.newProxyInstance(SlotBeansStartTest.class.getClassLoader(),
                new Class<?>[] { MetricsConfiguration.class }, (proxy, method, args) -> method.getDefaultValue());
    }

    private static <T> T proxy(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(SlotBeansStartTest.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
