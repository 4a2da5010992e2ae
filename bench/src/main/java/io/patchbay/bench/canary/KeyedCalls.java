package io.patchbay.bench.canary;

import io.patchbay.api.Routing;
import java.util.function.IntSupplier;

/**
 * Calls that each carry a routing key from {@link Routing#withKey}, going round {@value #KEYS} tenants: one
 * {@link #run} makes {@value #KEYS} calls, each in its own {@code withKey} scope with the next tenant's key. The
 * scopes are nested in one outer scope per run, so that setting a key does not allocate (the outermost
 * {@code withKey} removes its thread-local entry when it ends, and the next one allocates a new entry: 32 bytes per
 * run, 0.03 bytes per call). The work objects are made once, so the loop itself allocates nothing.
 */
final class KeyedCalls {

    static final int KEYS = 1024;

    final String[] keys = new String[KEYS];
    private IntSupplier call;
    private int sum;
    private final Runnable one = () -> sum += call.getAsInt();
    private final Runnable all = () -> {
        for (String key : keys) {
            Routing.withKey(key, one);
        }
    };

    KeyedCalls() {
        for (int i = 0; i < KEYS; i++) {
            keys[i] = String.format("tenant-%04d", i);
        }
    }

    /** {@value #KEYS} keyed calls of {@code work} (made once by the caller, not on each run); their sum. */
    int run(IntSupplier work) {
        call = work;
        sum = 0;
        Routing.withKey("outer", all);
        return sum;
    }
}
