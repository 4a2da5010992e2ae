package io.patchbay.core.trace;

import io.patchbay.api.dto.TraceCallDTO;
import io.patchbay.api.dto.TraceDTO;
import io.patchbay.core.slot.CallObserver;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import io.patchbay.core.slot.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;

/**
 * One trace of a slot's calls: a {@link Tap} on each of the slot's implementations records every call that ends
 * there until {@code maxCalls} are recorded or {@code maxMillis} have passed; then the taps come off and the call
 * path is as it was. Only the calls of a traced slot pay for it (a clock read, a line, a short lock).
 */
final class Trace {

    private final long id;
    private final Slot slot;
    private final int maxCalls;
    private final long maxMillis;
    private final long started = System.currentTimeMillis();
    private final long deadline;
    private final Supplier<String> keys;
    private final Map<Implementation, Tap> taps = new LinkedHashMap<>();
    private final List<TraceCallDTO> calls = new ArrayList<>(); // guarded by this
    private boolean stopping; // guarded by this
    private String stopped; // guarded by this
    private long stoppedAt; // guarded by this

    Trace(long id, Slot slot, int maxCalls, long maxMillis, Supplier<String> keys) {
        this.id = id;
        this.slot = slot;
        this.maxCalls = maxCalls;
        this.maxMillis = maxMillis;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        this.keys = keys;
    }

    long id() {
        return id;
    }

    Slot slot() {
        return slot;
    }

    /** Puts a tap on every implementation the slot has now, beside a canary's observer if one watches it. */
    void start() {
        synchronized (this) {
            for (Implementation implementation : slot.implementations()) {
                taps.put(implementation, new Tap(implementation.id()));
            }
        }
        tapped().forEach(tap -> tap.getKey().trace(tap.getValue()));
        synchronized (this) {
            if (!stopping) {
                return;
            }
        }
        untap(); // it stopped (its count reached) while the taps went on: a late one may have missed the stop
    }

    private synchronized List<Map.Entry<Implementation, Tap>> tapped() {
        return List.copyOf(taps.entrySet());
    }

    private void untap() {
        for (Map.Entry<Implementation, Tap> tap : tapped()) {
            Implementation implementation = tap.getKey();
            synchronized (implementation) {
                if (implementation.trace() == tap.getValue()) {
                    implementation.trace(null);
                }
            }
        }
    }

    /**
     * Stops with {@code reason} unless it is stopping already: takes the taps off first, then says it is done, so a
     * reader that sees it done sees a call path without it.
     */
    void stop(String reason) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true; // no call is recorded from now on
        }
        untap();
        synchronized (this) {
            stopped = reason;
            stoppedAt = System.currentTimeMillis();
            notifyAll();
        }
    }

    /** Stops by time if its time is up; for the timer, and for calls that end just after it. */
    boolean expire() {
        if (System.nanoTime() - deadline >= 0) {
            stop(seconds(maxMillis) + " passed.");
            return true;
        }
        return false;
    }

    synchronized boolean done() {
        return stopped != null;
    }

    synchronized long stoppedAt() {
        return stoppedAt;
    }

    /** The calls from {@code from} on, waiting up to {@code waitMillis} for one or for the end. */
    synchronized TraceDTO read(int from, long waitMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        long left;
        while (calls.size() <= from && stopped == null && (left = end - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return dto(from);
    }

    synchronized TraceDTO dto(int from) {
        TraceDTO dto = new TraceDTO();
        dto.id = id;
        dto.slot = slot.id();
        dto.maxCalls = maxCalls;
        dto.maxMillis = maxMillis;
        dto.started = started;
        dto.from = Math.max(0, Math.min(from, calls.size()));
        dto.next = calls.size();
        dto.calls = List.copyOf(calls.subList(dto.from, dto.next));
        dto.done = stopped != null;
        dto.stopped = stopped;
        return dto;
    }

    private void record(String implementation, Seat seat, long nanos, Throwable failure) {
        if (expire()) {
            return;
        }
        TraceCallDTO call = new TraceCallDTO();
        call.time = System.currentTimeMillis();
        Bundle consumer = seat == null ? null : seat.consumer();
        call.consumer = consumer == null ? null : consumer.getSymbolicName() + "/" + consumer.getVersion();
        call.consumerBundle = consumer == null ? -1 : consumer.getBundleId();
        call.implementation = implementation;
        call.nanos = nanos;
        call.exception = failure == null ? null : failure.getClass().getName();
        call.key = slot.split() == null ? null : keys.get(); // the same sources the canary's split read
        boolean full;
        synchronized (this) {
            if (stopping || calls.size() >= maxCalls) {
                return;
            }
            calls.add(call);
            full = calls.size() >= maxCalls;
            notifyAll();
        }
        if (full) {
            stop(maxCalls + (maxCalls == 1 ? " call" : " calls") + " recorded.");
        }
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + (millis == 1000 ? " second" : " seconds") : millis + " ms";
    }

    /** The observer a trace puts on one implementation. */
    private final class Tap implements CallObserver {
        private final String implementation;

        Tap(String implementation) {
            this.implementation = implementation;
        }

        @Override
        public boolean timesThisCall() {
            return true; // every call of a traced slot, for its duration
        }

        @Override
        public void timed(long nanos) {
            // ended() records the call
        }

        @Override
        public void threw(Throwable failure) {
            // ended() records the call
        }

        @Override
        public void ended(Seat seat, long nanos, Throwable failure) {
            record(implementation, seat, nanos, failure);
        }
    }
}
