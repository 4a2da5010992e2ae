package io.patchbay.bench.calls;

import java.util.concurrent.atomic.LongAdder;

/**
 * Hand-written stand-ins for the parts of a generated facade's call path, to show where its cost goes: the route
 * read alone, with a plain call count, then with one and with two {@link LongAdder} increments (the facade counts
 * a start and an end).
 */
final class Anatomy {

    private Anatomy() {
    }

    /** A volatile read of the route, then the interface call. */
    static final class RouteOnly implements Counter {
        private volatile Counter route;

        RouteOnly(Counter target) {
            route = target;
        }

        @Override
        public int next() {
            return route.next();
        }
    }

    /** Route read, a plain (racy, fence-free) count of calls, the call: what statistics alone would cost. */
    static final class PlainCount implements Counter {
        private volatile Counter route;
        private long calls;

        PlainCount(Counter target) {
            route = target;
        }

        @Override
        public int next() {
            Counter current = route;
            calls++;
            return current.next();
        }
    }

    /** Route read, one counter increment (the start), the call. */
    static final class OneAdder implements Counter {
        private volatile Counter route;
        private final LongAdder started = new LongAdder();

        OneAdder(Counter target) {
            route = target;
        }

        @Override
        public int next() {
            Counter current = route;
            started.increment();
            return current.next();
        }
    }

    /** Route read, start and end increments around the call: the facade's shape without its re-check. */
    static final class TwoAdders implements Counter {
        private volatile Counter route;
        private final LongAdder started = new LongAdder();
        private final LongAdder finished = new LongAdder();

        TwoAdders(Counter target) {
            route = target;
        }

        @Override
        public int next() {
            Counter current = route;
            started.increment();
            int result = current.next();
            finished.increment();
            return result;
        }
    }
}
