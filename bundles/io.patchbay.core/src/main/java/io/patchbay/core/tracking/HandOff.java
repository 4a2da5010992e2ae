package io.patchbay.core.tracking;

import io.patchbay.api.StateHandoff;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One handoff of in-memory state ({@link StateHandoff}): the leaving object's export, then the arriving object's
 * import, on a thread of its own so that a service that hangs is given up after the timeout.
 */
final class HandOff {

    /**
     * Idle threads are kept a minute and reused: a handoff costs no thread start. One whose service hangs past its
     * timeout is left to it, and the next handoff gets another thread.
     */
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread worker = new Thread(task, "patchbay-state-handoff");
                worker.setDaemon(true);
                return worker;
            });

    private HandOff() {
    }

    /** Whether both objects take part in the handoff. */
    static boolean between(Object leaving, Object arriving) {
        return leaving instanceof StateHandoff && arriving instanceof StateHandoff;
    }

    /**
     * Hands the state over within {@code timeoutMillis}.
     *
     * @return what was handed over, for the ledger ({@link #describe})
     * @throws IllegalStateException with why it was not handed over: thrown, timed out or interrupted
     */
    static String run(StateHandoff leaving, StateHandoff arriving, long timeoutMillis) {
        FutureTask<String> task = new FutureTask<>(() -> {
            Map<String, Object> exported = leaving.exportState();
            Map<String, Object> state = Collections.unmodifiableMap(exported == null ? Map.of()
                    : new LinkedHashMap<>(exported));
            arriving.importState(state);
            return describe(state);
        });
        THREADS.execute(task);
        try {
            return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new IllegalStateException("its state was not handed over within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException("its state handoff failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("the state handoff was interrupted");
        }
    }

    /**
     * The state as the ledger shows it: every key, with its value when it is a number or a boolean, else only its
     * kind and size, so that text or bytes a service keeps do not end up in the ledger.
     */
    static String describe(Map<String, Object> state) {
        StringJoiner shown = new StringJoiner(", ", "{", "}");
        state.forEach((key, value) -> shown.add(key + "=" + shown(value)));
        return shown.toString();
    }

    private static String shown(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof CharSequence text) {
            return "(" + text.length() + " characters)";
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)";
        }
        if (value instanceof Collection<?> collection) {
            return "(" + collection.size() + " entries)";
        }
        if (value instanceof Map<?, ?> map) {
            return "(" + map.size() + " entries)";
        }
        return "(" + value.getClass().getSimpleName() + ")";
    }
}
