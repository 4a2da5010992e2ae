package io.patchbay.bench.swap;

import io.patchbay.bench.felix.Felix;
import io.patchbay.bench.felix.Reflect;
import java.lang.reflect.Method;
import java.util.List;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The four kinds of consumer of the consumers fixture, as a client sees them: looked up through a tracker on
 * every call, so a consumer that the framework deactivates and re-activates (a DS static reference does that on a
 * plain swap) is followed, and the time it is away counts as failed calls.
 */
public final class Callers {

    /** Consumer kinds, by the fixture's {@code kind} service property. */
    public static final List<String> KINDS = List.of("ds-static", "ds-dynamic", "tracker", "plain");

    private final List<ServiceTracker<Object, Object>> trackers;
    private final Method call;
    private final Method activations;
    private volatile Method servedBy;

    public Callers(Felix felix) throws Exception {
        Class<?> type = felix.bundle("io.patchbay.fixture.consumers")
                .loadClass("io.patchbay.fixture.consumers.PriceCaller");
        call = Reflect.method(type, "call", String.class, int.class);
        activations = Reflect.method(type, "activations");
        String name = type.getName();
        trackers = KINDS.stream().map(kind -> open(felix, "(&(objectClass=" + name + ")(kind=" + kind + "))"))
                .toList();
        for (int kind = 0; kind < KINDS.size(); kind++) {
            felix.service("(&(objectClass=" + name + ")(kind=" + KINDS.get(kind) + "))");
        }
    }

    private static ServiceTracker<Object, Object> open(Felix felix, String filter) {
        try {
            return felix.tracker(filter);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One call through consumer {@code kind}: 10 WIDGETs.
     *
     * @return who served it, as the implementation names itself in the quote
     * @throws RuntimeException whatever the call threw, or {@link IllegalStateException} if the consumer is away
     */
    public String call(int kind) {
        Object caller = trackers.get(kind).getService();
        if (caller == null) {
            throw new IllegalStateException(KINDS.get(kind) + " consumer is not registered");
        }
        Object quote = Reflect.invoke(call, caller, "WIDGET", 10);
        Method served = servedBy;
        if (served == null || served.getDeclaringClass() != quote.getClass()) {
            served = Reflect.method(quote.getClass(), "servedBy");
            servedBy = served;
        }
        return (String) Reflect.invoke(served, quote);
    }

    /** How often consumer {@code kind} was activated so far (the fixture counts across instances). */
    public int activations(int kind) {
        Object caller = trackers.get(kind).getService();
        return caller == null ? -1 : (Integer) Reflect.invoke(activations, caller);
    }
}
