package io.patchbay.core.slot;

/**
 * The lanes of one implementation: its lane classes, made on first use, the one lane every seat of a singleton
 * shares (made again when a canary's arm starts or stops observing), and whether any facade ever took one (if
 * none did, a drain needs no safepoint).
 */
final class OwnLanes {

    private final Implementation implementation;
    private Lanes.LaneType type; // guarded by this
    private Object shared; // guarded by this
    private CallObserver sharedTimes; // guarded by this: the observer the shared lane times calls for
    private volatile boolean issued;

    OwnLanes(Implementation implementation) {
        this.implementation = implementation;
    }

    /**
     * A lane forwarding to {@code target} that times what {@code observer} (if any) asks for: the shared one
     * unless the implementation is {@code scoped}.
     */
    synchronized Object laneFor(Object target, boolean scoped, Lanes maker, CallObserver observer) {
        if (type == null) {
            type = maker.typeOf(implementation);
        }
        if (scoped) {
            return type.lane(target, observer);
        }
        if (shared == null || sharedTimes != observer) {
            shared = type.lane(target, observer);
            sharedTimes = observer;
        }
        return shared;
    }

    void issued() {
        issued = true;
    }

    /** Waits until no thread is in a lane of the implementation, or {@code end} (nanoTime) passes. */
    boolean awaitLeft(Lanes maker, long end) {
        String loader;
        synchronized (this) {
            loader = issued && type != null ? type.loaderName() : null;
        }
        return loader == null || Grace.await(maker, loader, implementation.cells(), end);
    }
}
