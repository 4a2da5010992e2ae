package io.patchbay.core.slot;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * One registered implementation of a slot and its live accounting. Generated facades call {@link #exit()} and
 * {@link #fail(Throwable)} and read {@link #target} directly, so these members are public.
 * <p>
 * A call takes one of two paths. On the lane path (a facade holding this implementation's lane, see
 * {@link LaneSeats}) it is counted per thread in {@link CallCells} and drained by {@link Grace}. On the
 * counted path it is counted in {@link CountedCalls}, whose drain is exact by itself. {@link #awaitDrained} waits
 * for both.
 */
public final class Implementation {

    /** The service object every call through a facade ends on. */
    public final Object target;

    private final Slot slot;
    private final ServiceReference<?> reference;
    private final String id;
    private final CountedCalls counted;
    private final CallCells cells = new CallCells();
    private final ScopedObjects scoped;
    private volatile boolean gone; // written under the slot's lock, see Slot#route; read by queued changes
    private volatile long activeSince;
    private volatile long idleSince = System.currentTimeMillis();
    private volatile long callsWhenIdle;
    private volatile CallObserver observer; // the one the call path reads: canary, trace, both or null
    private CallObserver canary; // guarded by this
    private CallObserver trace; // guarded by this
    private volatile boolean traced;
    private final OwnLanes lanes = new OwnLanes(this);

    public Implementation(Slot slot, ServiceReference<?> reference, Object target) {
        this(slot, reference, target, new LongAdder());
    }

    /** @param started counts started calls; tests give one whose sum they can tear, as a real one's can be */
    Implementation(Slot slot, ServiceReference<?> reference, Object target, LongAdder started) {
        this.counted = new CountedCalls(started);
        this.slot = slot;
        this.reference = reference;
        this.target = target;
        Bundle bundle = reference.getBundle();
        this.id = idOf(bundle);
        Object scope = reference.getProperty(Constants.SERVICE_SCOPE);
        this.scoped = Constants.SCOPE_BUNDLE.equals(scope) || Constants.SCOPE_PROTOTYPE.equals(scope)
                ? new ScopedObjects(reference, Constants.SCOPE_PROTOTYPE.equals(scope))
                : null;
    }

    /** The object a call from {@code seat} goes to: the service object, or the one its consumer was handed. */
    public Object targetFor(Seat seat) {
        return scoped == null ? target : scoped.objectFor(seat);
    }

    /** {@code singleton}, {@code bundle} or {@code prototype}. */
    public String scope() {
        Object scope = reference.getProperty(Constants.SERVICE_SCOPE);
        return scope == null ? Constants.SCOPE_SINGLETON : String.valueOf(scope);
    }

    /** Gives back the object obtained for {@code seat}, if any. */
    void release(Seat seat) {
        if (scoped != null) {
            scoped.release(seat);
        }
    }

    /** Gives back every scoped object: no route points here and its calls have drained, or it went away. */
    public void releaseScoped() {
        if (scoped != null) {
            scoped.releaseAll();
        }
    }

    /** {@code symbolicName/version} (operators, the route store); with fragments {@code host/1.0.0+fragment/1.0.1}. */
    public static String idOf(Bundle bundle) {
        StringBuilder id = new StringBuilder(bundleId(bundle));
        for (Bundle fragment : PatchFragments.attached(bundle)) {
            id.append('+').append(bundleId(fragment));
        }
        return id.toString();
    }

    /** {@code symbolicName/version} of the bundle alone. */
    public static String bundleId(Bundle bundle) {
        return bundle.getSymbolicName() + "/" + bundle.getVersion();
    }

    public Slot slot() {
        return slot;
    }

    public String id() {
        return id;
    }

    public ServiceReference<?> reference() {
        return reference;
    }

    public Bundle bundle() {
        return reference.getBundle();
    }

    /** It has left its slot (unregistered): no route may point here from now on. Under the slot's lock. */
    void leave() {
        gone = true;
    }

    public boolean gone() {
        return gone;
    }

    /** A call counts its start here before it re-checks the route (the call paths of {@link Slot} and {@link Seat}). */
    public void started() {
        counted.started();
    }

    void abandoned() {
        counted.abandoned();
    }

    /** A call through a facade returned normally. */
    public void exit() {
        counted.finished();
    }

    /** The start of a call as the facade keeps it: the time when a canary or a trace times this call, else 0. */
    public long clock() {
        CallObserver watching = observer;
        return watching != null && watching.timesThisCall() ? System.nanoTime() : 0L;
    }

    /** A call that began at {@code start} (see {@link #clock()}) returned normally. */
    public void exit(long start) {
        exit(start, null);
    }

    /**
     * A call from {@code seat} that began at {@code start} (see {@link #clock()}) returned normally. The facade
     * passes its seat so a trace can name the consumer; with nothing observing, {@code start} is 0 and the seat
     * is never looked at.
     */
    public void exit(long start, Seat seat) {
        if (start != 0L) {
            CallObserver watching = observer;
            if (watching != null) {
                watching.ended(seat, System.nanoTime() - start, null);
            }
        }
        exit();
        if (seat != null) {
            seat.offerLane();
        }
    }

    /** A call through a facade threw {@code failure}; the facade rethrows what this returns. */
    public Throwable fail(Throwable failure) {
        return fail(failure, 0L, null);
    }

    /** A call that began at {@code start} threw {@code failure}; the facade rethrows what this returns. */
    public Throwable fail(Throwable failure, long start) {
        return fail(failure, start, null);
    }

    /** A call from {@code seat} that began at {@code start} threw {@code failure}; returns {@code failure}. */
    public Throwable fail(Throwable failure, long start, Seat seat) {
        failed(failure, start, seat);
        exit();
        return failure;
    }

    private void failed(Throwable failure, long start, Seat seat) {
        counted.failed();
        CallObserver watching = observer;
        if (watching != null) {
            watching.ended(seat, start != 0L ? System.nanoTime() - start : -1L, failure);
        }
    }

    /** Times this implementation's calls and tells the canary's {@code watching} of them, or stops with null. */
    public void observe(CallObserver watching) {
        synchronized (this) {
            canary = watching;
            observer = ObserverPair.of(canary, trace);
        }
        slot.laneSeats().takeBack(); // an observed call takes the counted path, which times it
    }

    /**
     * Tells a trace of this implementation's calls, or stops with {@code null}, beside the canary's observer if
     * there is one. Neither set, the call path reads one null field, as before traces existed.
     */
    public void trace(CallObserver tracing) {
        synchronized (this) {
            trace = tracing;
            traced = tracing != null;
            observer = ObserverPair.of(canary, trace);
        }
        slot.laneSeats().takeBack();
    }

    /** Whether a trace observes this implementation's calls (they take the counted path, which names the seat). */
    boolean traced() {
        return traced;
    }

    /** The trace observing this implementation, or {@code null}. */
    public synchronized CallObserver trace() {
        return trace;
    }

    /** Calls that ended, normally or by throwing, on both paths. */
    public long calls() {
        return counted.calls() + cells.calls();
    }

    public long errors() {
        return counted.errors();
    }

    /** Calls running now: exact on the counted path, as the per-thread sums show on the lane path. */
    public long inFlight() {
        return counted.inFlight() + cells.inFlight();
    }

    /** The per-thread counters a lane of this implementation counts in. */
    public CallCells cells() {
        return cells;
    }

    /** A call on a lane threw {@code failure} (the lane counted its end): counts it, tells the arm, returns it. */
    public Throwable laneFailed(Throwable failure) {
        failed(failure, 0L, null);
        return failure;
    }

    /** A lane to its object for {@code seat} (see {@link OwnLanes#laneFor}), timing what a canary's arm asks. */
    Object laneFor(Seat seat, Lanes maker) {
        return lanes.laneFor(targetFor(seat), scoped != null, maker, observer);
    }

    /** As baseline of {@code split}, its share lane to this object for {@code seat}; null while no arm observes. */
    Object shareLaneFor(Seat seat, Lanes maker, Split split, Object candidate) {
        CallObserver watching = observer;
        return watching == null ? null : maker.shareLane(split, this, targetFor(seat), watching, candidate);
    }

    /** A facade took one of this implementation's lanes: from now on a drain also takes a safepoint (Grace). */
    void laneIssued() {
        lanes.issued();
    }

    public long activeSince() {
        return activeSince;
    }

    /** When it last stopped being the route, or registered if it never was one. */
    public long idleSince() {
        return idleSince;
    }

    /** Whether it has had calls since it stopped being the route (a patch calling the code it replaces). */
    public boolean calledSinceIdle() {
        return calls() > callsWhenIdle;
    }

    void deactivated(long now) {
        idleSince = now;
        callsWhenIdle = calls() + inFlight(); // the calls still running when it left the route do not count
    }

    void activated(long now) {
        activeSince = now;
        counted.activated();
    }

    /**
     * Whether no call is running here within the timeout: none on the counted path, and no thread in one of its
     * lanes. Only meaningful once no route points here any more (the slot has then taken its lanes back).
     */
    public boolean awaitDrained(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        return counted.awaitDrained(end) && lanes.awaitLeft(slot.laneSeats().maker(), end);
    }

    @Override
    public String toString() {
        return id + " (service " + reference.getProperty("service.id") + ")";
    }
}
