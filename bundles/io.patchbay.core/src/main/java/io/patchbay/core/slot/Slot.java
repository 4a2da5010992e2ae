package io.patchbay.core.slot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;

/**
 * One service as consumers see it: its interfaces (the first one, with the version of the package exporting it,
 * and the service's name make the id), its implementations and its route.
 * <p>
 * The route is one volatile field, {@link #active}: a switch is a single write (and takes the facades' lanes back,
 * see {@link LaneSeats}), so a call that starts after it is answered by the new implementation. While there is no
 * implementation, {@link #enter()} waits up to the damping timeout. All but the call path locks the slot.
 */
public final class Slot {

    private final String id;
    private final String name;
    private final List<Class<?>> types;
    private final String apiVersion;
    private final LongSupplier dampingMillis;
    private final List<Implementation> implementations = new ArrayList<>();
    private final RouteMemory memory = new RouteMemory();
    private final ConsumerBundles consumers = new ConsumerBundles();
    private volatile Implementation active;
    private volatile Split split;
    private volatile int generation;
    private final Publication publication = new Publication();
    private final LaneSeats laneSeats = new LaneSeats(this);
    private String departed;
    private boolean retired;

    public Slot(List<Class<?>> types, String name, String apiVersion, LongSupplier dampingMillis) {
        this.types = List.copyOf(types);
        this.name = name;
        this.apiVersion = apiVersion;
        this.id = idOf(types.get(0).getName(), apiVersion, name);
        this.dampingMillis = dampingMillis;
    }

    /** A slot of one interface, for tests. */
    public Slot(Class<?> type, String apiVersion, LongSupplier dampingMillis) {
        this(List.of(type), "default", apiVersion, dampingMillis);
    }

    public static String idOf(String interfaceName, String apiVersion, String name) {
        return interfaceName + "@" + apiVersion + "#" + name;
    }

    public String id() {
        return id;
    }

    /** The service's name within its interface (see {@link ServiceIdentity}). */
    public String name() {
        return name;
    }

    /** Every interface the facade implements, {@link #type()} first. */
    public List<Class<?>> types() {
        return types;
    }

    /** Bumped on every route change and every implementation coming or going: seats cache by it. */
    int generation() { // see changed()
        return generation;
    }

    /** Who registers this slot's services, their registration, and the slot's number in {@code patch:list}. */
    public Publication publication() {
        return publication;
    }

    /** Makes the facade's properties those of the active implementation; call outside any lock. */
    public void followActive() {
        publication.follow();
    }

    /** Its number in {@code patch:list} ({@link Publication#number()}). */
    public int number() {
        return publication.number();
    }

    public Class<?> type() {
        return types.get(0);
    }

    public String apiVersion() {
        return apiVersion;
    }

    /**
     * The counted call path: the implementation this call from {@code seat} goes to (the active one, or during a
     * canary the candidate when the split says so), counted as started. Callers must end with
     * {@link Implementation#exit(long)} or {@link Implementation#fail(Throwable, long)}.
     */
    public Implementation enter(Seat seat) {
        for (;;) {
            Split splitting = split;
            Implementation current = active;
            if (current == null) {
                current = Damping.await(this, dampingMillis.getAsLong());
            }
            Implementation chosen = splitting == null ? current : splitting.route(seat, current);
            chosen.started();
            if (current == active && splitting == split) {
                return chosen;
            }
            chosen.abandoned(); // a switch or a step happened in between: go to the new route
        }
    }

    /** The facades that can take lanes, and the lanes the facade side makes ({@link LaneSeats}). */
    public LaneSeats laneSeats() {
        return laneSeats;
    }

    private void changed() { // seats' caches and facades' lanes are stale: a call after this reads the route anew
        generation++;
        laneSeats.takeBack();
    }

    /** {@link #enter(Seat)} for a call from no consumer in particular (tests, benchmarks). */
    public Implementation enter() {
        return enter(null);
    }

    /** Splits the active implementation's calls with a canary's candidate, or stops with {@code null}. */
    public synchronized void split(Split next) {
        if (next != null && (next.baseline().gone() || next.candidate().gone())) {
            return; // an arm left (its canary is being ended): a split to it would outlive the canary
        }
        split = next;
        changed();
    }

    public Split split() {
        return split;
    }

    public Implementation active() {
        return active;
    }

    /** The active implementation's id or, while calls wait for a host to come back, the one active before. */
    public synchronized String currentId() {
        Implementation current = active;
        return current != null ? current.id() : departed;
    }

    /**
     * Routes every new call to {@code next} (or to nothing, so calls wait) and wakes calls waiting for one.
     *
     * @param rememberCurrent push the current implementation on the revert stack
     * @return the implementation that was active
     * @throws ImplementationGone if {@code next} has left this slot since it was chosen; nothing changed
     */
    public synchronized Implementation route(Implementation next, boolean rememberCurrent, long now) {
        return reroute(next, rememberCurrent, now).before();
    }

    /** {@link #route}, also telling the id the slot had, read under the same lock as the switch. */
    public synchronized Routed reroute(Implementation next, boolean rememberCurrent, long now) {
        if (next != null && next.gone()) {
            throw new ImplementationGone(next, this); // chosen, then unregistered before this route: never route to it
        }
        Implementation before = active;
        String beforeId = currentId();
        memory.moved(beforeId, rememberCurrent, next == null ? null : next.id());
        departed = next == null ? beforeId : null;
        if (next != null) {
            next.activated(now);
        }
        if (before != null && before != next) {
            before.deactivated(now);
        }
        active = next;
        changed();
        notifyAll();
        return new Routed(before, beforeId);
    }

    /**
     * A framework's move, in memory only: routes to {@code next} if {@code expected} is still the route (a
     * fallback never overrides a switch made since it chose), and keeps the move for the owner to record; true if
     * it routed.
     */
    public synchronized boolean routeIf(Implementation expected, Implementation next, Fallback fallback, long now) {
        if (active != expected) {
            return false;
        }
        Routed routed = reroute(next, false, now); // throws ImplementationGone if next has left: choose again
        if (next != null && fallback != null) {
            memory.unrecorded(fallback.from(routed.fromId()).to(next.id()));
        }
        return true;
    }

    /** The framework's moves not yet recorded, oldest first; taken, so each is recorded once. */
    public synchronized List<Fallback> takeUnrecorded() {
        return memory.takeUnrecorded();
    }

    /** @return false if the slot has retired: the implementation belongs in a new one */
    public synchronized boolean add(Implementation implementation) {
        if (retired) {
            return false;
        }
        implementations.add(implementation);
        generation++;
        return true;
    }

    /** The implementation left: no route may go to it, nor a canary's split (calls go on to the active one). */
    public synchronized boolean remove(Implementation implementation) {
        implementation.leave();
        Split splitting = split;
        if (splitting != null && (splitting.candidate() == implementation || splitting.baseline() == implementation)) {
            split = null;
        }
        changed();
        return implementations.remove(implementation);
    }

    public synchronized boolean retired() {
        return retired;
    }

    /** Retires the slot if it has no implementation (true the first time only): nothing can join it afterwards. */
    public synchronized boolean retireIfEmpty() {
        if (retired || !implementations.isEmpty()) {
            return false;
        }
        retired = true;
        return true;
    }

    /** Whether {@code bundle} already serves a live implementation here (a second service of the same name). */
    public synchronized boolean servedBy(Bundle bundle) {
        return implementations.stream().anyMatch(i -> bundle.equals(i.bundle()));
    }

    public synchronized List<Implementation> implementations() {
        return List.copyOf(implementations);
    }

    public synchronized Optional<Implementation> find(String implementationId) {
        return implementations.stream().filter(i -> i.id().equals(implementationId)).findFirst();
    }

    /** The most recent earlier implementation that is still registered; stale stack entries are dropped. */
    public synchronized Optional<Implementation> revertTarget() {
        String target = memory.revertTarget(id -> find(id).isPresent());
        return target == null ? Optional.empty() : find(target);
    }

    /** The best implementation to fall back on when the active one goes away. */
    public synchronized Optional<Implementation> fallback() {
        return revertTarget().or(() -> implementations.stream().filter(i -> i != active).findFirst());
    }

    public synchronized List<String> previous() {
        return memory.previous();
    }

    public synchronized boolean isKnown(String implementationId) {
        return memory.isKnown(implementationId);
    }

    public synchronized Set<String> known() {
        return memory.known();
    }

    /** Restores a saved route: wait for {@code activeId} before serving any call. */
    public synchronized void restore(String activeId, List<String> savedPrevious, Set<String> savedKnown) {
        memory.restore(activeId, savedPrevious, savedKnown);
    }

    public synchronized String awaiting() {
        return memory.awaiting();
    }

    public synchronized void stopAwaiting() {
        memory.stopAwaiting();
    }

    public ConsumerBundles consumers() {
        return consumers;
    }

    @Override
    public String toString() {
        return id;
    }
}
