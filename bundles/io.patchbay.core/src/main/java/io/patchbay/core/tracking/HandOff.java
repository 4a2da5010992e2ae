package io.patchbay.core.tracking;

import io.patchbay.api.StateHandoff;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One handoff of in-memory state ({@link StateHandoff}): the leaving object's export, then the arriving object's
 * import, on a thread of its own so that a service that hangs is given up after the timeout.
 */
final class HandOff {

    private HandOff() {
    }

    /** Whether both objects take part in the handoff. */
    static boolean between(Object leaving, Object arriving) {
        return leaving instanceof StateHandoff && arriving instanceof StateHandoff;
    }

    /**
     * Hands the state over within {@code timeoutMillis}.
     *
     * @return {@code null} once the arriving object has imported the state, else why it has not
     */
    static String run(StateHandoff leaving, StateHandoff arriving, long timeoutMillis) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            Map<String, Object> state = leaving.exportState();
            arriving.importState(Collections.unmodifiableMap(state == null ? Map.of() : new LinkedHashMap<>(state)));
            return null;
        });
        Thread worker = new Thread(task, "patchbay-state-handoff");
        worker.setDaemon(true);
        worker.start();
        try {
            task.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            task.cancel(true);
            return "its state was not handed over within " + timeoutMillis + " ms";
        } catch (ExecutionException e) {
            return "its state handoff failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return "the state handoff was interrupted";
        }
    }
}
