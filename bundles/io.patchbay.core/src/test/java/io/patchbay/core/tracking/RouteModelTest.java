package io.patchbay.core.tracking;

import io.patchbay.core.slot.Fallback;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.ImplementationGone;
import io.patchbay.core.slot.Rerouting;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import io.patchbay.core.slot.Stubs;
import io.patchbay.api.SlotUnavailableException;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * Lincheck model checking of the route: every interleaving of calls (through the facade and below a patch),
 * operators' switches, a canary's start, steps and end, departures and arrivals, with the route's owner modelled
 * as one non-parallel group and the framework's callbacks as another. Its sequential specification is this class
 * run one operation at a time, in which no call ever reports a violation. It checks:
 * <ul>
 * <li>no call reaches an implementation after the drain of that implementation reported done (a call that does
 * returns {@code true});</li>
 * <li>no split outlives its canary, and none points at an implementation that left ({@link #invariants});</li>
 * <li>the facade's properties are the active implementation's ({@link #invariants}).</li>
 * </ul>
 */
@Param(name = "implementation", gen = IntGen.class, conf = "0:2")
public class RouteModelTest {

    private static final String OWNER = "owner";
    private static final String FRAMEWORK = "framework";

    private final Slot slot = new Slot(Supplier.class, "1.0.0", () -> 0);
    private final Implementation[] implementations = { implementation(1, "original", "a"),
        implementation(2, "patch", "b"), implementation(3, "standby", "c") };
    /** Built beforehand: building one inside the checked section only costs time. */
    private final Implementation late = implementation(4, "late", "d");
    private final Seat patchSeat = new Seat(slot, implementations[1].bundle());
    /**
     * Departed implementations whose drain reported done: none may get a call after that, by any path. (A switch's
     * drain is not final: the framework may fall back on the one just left, and a patch calls the code below it.)
     */
    private final Set<Implementation> departedAndDrained = ConcurrentHashMap.newKeySet();
    /** What the framework's callbacks left for the owner. */
    private final Queue<Implementation> departures = new ConcurrentLinkedQueue<>();
    private final Map<String, Object> published = new ConcurrentHashMap<>();
    private volatile Split canary;

    public RouteModelTest() {
        for (Implementation implementation : implementations) {
            slot.add(implementation);
        }
        slot.route(implementations[0], false, 0);
        ServiceRegistration<?> facade = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { ServiceRegistration.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setProperties" -> published.put("answer", ((Dictionary<?, ?>) args[0]).get("answer"));
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        published.put("answer", answerOf(implementations[0]));
        slot.publication().registered(new SlotServices(slot, facade, facade, SlotServices.propertiesOf(slot,
                implementations[0].reference())));
    }

    @Operation
    public boolean call() {
        try {
            Implementation reached = slot.enter();
            boolean late = departedAndDrained.contains(reached);
            reached.exit();
            return late;
        } catch (SlotUnavailableException nothingToCall) {
            return false;
        }
    }

    @Operation
    public boolean callBelowThePatch() {
        try {
            Implementation reached = patchSeat.enterBelow();
            boolean late = departedAndDrained.contains(reached);
            reached.exit();
            return late;
        } catch (SlotUnavailableException nothingBelow) {
            return false;
        }
    }

    /** An operator's switch, on the owner: route, drain the one left, publish the properties. */
    @Operation(nonParallelGroup = OWNER)
    public void activate(@Param(name = "implementation") int index) {
        Implementation next = implementations[index];
        try {
            Implementation before = slot.reroute(next, true, 1).before();
            slot.followActive();
        } catch (ImplementationGone refused) {
            // it left before the switch: nothing changed
        }
    }

    @Operation(nonParallelGroup = OWNER)
    public void startCanary(@Param(name = "implementation") int index) {
        Implementation baseline = slot.active();
        Implementation candidate = implementations[index];
        if (canary == null && baseline != null && baseline != candidate && !candidate.gone()) {
            canary = Stubs.toCandidate(baseline, candidate);
            slot.split(canary);
        }
    }

    /** The judge enters the next step, from its copy of the running canaries. */
    @Operation(nonParallelGroup = OWNER)
    public void step() {
        Split running = canary;
        if (running != null) {
            slot.split(Stubs.toCandidate(running.baseline(), running.candidate()));
        }
    }

    @Operation(nonParallelGroup = OWNER)
    public void endCanary() {
        Split running = canary;
        if (running != null) {
            canary = null;
            slot.split(null);
        }
    }

    /** What the owner does with a departure the framework queued: the canary ends, the drain is awaited. */
    @Operation(nonParallelGroup = OWNER)
    public void handleDepartures() {
        for (Implementation gone = departures.poll(); gone != null; gone = departures.poll()) {
            Split running = canary;
            if (running != null && (running.baseline() == gone || running.candidate() == gone)) {
                canary = null;
                slot.split(null);
            }
            drained(gone, departedAndDrained);
        }
    }

    /** The framework's callback: it leaves, the route falls back in memory, the rest is queued. */
    @Operation(nonParallelGroup = FRAMEWORK)
    public void depart(@Param(name = "implementation") int index) {
        Implementation gone = implementations[index];
        if (gone.gone()) {
            return;
        }
        slot.remove(gone);
        Rerouting.untilRouted(() -> slot.fallback().orElse(null),
                next -> slot.routeIf(gone, next, Fallback.because("left"), 2));
        slot.followActive();
        departures.add(gone);
        slot.retireIfEmpty();
    }

    /** A registration joins the slot unless the slot retired; one that joined a retired slot is a violation. */
    @Operation(nonParallelGroup = FRAMEWORK)
    public boolean arrive() {
        return slot.add(late) && slot.retired();
    }

    @Validate
    public void invariants() {
        handleDepartures();
        Split split = slot.split();
        Split running = canary;
        if (split != null && (running == null || split.baseline() != running.baseline()
                || split.candidate() != running.candidate() || split.candidate().gone())) {
            throw new IllegalStateException("a split outlived its canary: " + split.candidate());
        }
        Implementation active = slot.active();
        if (active != null && !Objects.equals(published.get("answer"), answerOf(active))) {
            throw new IllegalStateException("the facade shows " + published + " while " + active + " is active");
        }
        if (slot.retired() && !slot.implementations().isEmpty()) {
            throw new IllegalStateException("an implementation joined a retired slot");
        }
    }

    private static void drained(Implementation implementation, Set<Implementation> reported) {
        if (implementation.inFlight() == 0) { // awaitDrained would return true now
            reported.add(implementation);
        }
    }

    private Implementation implementation(long bundleId, String name, String answer) {
        return new Implementation(slot, Stubs.reference(Stubs.bundle(bundleId, name, "1.0.0"),
                Map.of("service.id", bundleId, "answer", answer)), (Supplier<String>) () -> answer);
    }

    private static Object answerOf(Implementation implementation) {
        return implementation.reference().getProperty("answer");
    }

    @Test
    public void everyInterleavingKeepsTheRoutesPromises() {
        new ModelCheckingOptions().iterations(8).invocationsPerIteration(150).threads(3).actorsPerThread(2)
                .actorsBefore(1).actorsAfter(1).minimizeFailedScenario(false).check(RouteModelTest.class);
    }
}
