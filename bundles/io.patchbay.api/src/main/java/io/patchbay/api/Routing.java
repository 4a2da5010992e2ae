package io.patchbay.api;

import java.util.concurrent.Callable;

/**
 * The routing key of the work the current thread does, for canaries that split by key (a tenant, a user): while a
 * canary splits a slot's calls by key, a call made inside {@link #withKey} goes to the candidate when its key's
 * bucket is in the canary's share, or when the key is one of the canary's chosen keys.
 * <p>
 * This explicit scope is the first place the manager looks; after it (when their APIs are present) come the
 * OpenTelemetry Baggage and the SLF4J MDC entries named in the manager's configuration, and for HTTP requests
 * the {@code io.patchbay.routing.http} filter sets it from a header or cookie. A call with no key goes to the
 * baseline and is counted as "no key".
 *
 * <pre>
 * Quote quote = Routing.withKey(tenantId, () -&gt; prices.quote(item, quantity));
 * </pre>
 */
public final class Routing {

    private static final ThreadLocal<String> KEY = new ThreadLocal<>();

    private Routing() {
    }

    /** Runs {@code work} with {@code key} as the routing key of this thread, then restores the previous key. */
    public static <T> T withKey(String key, Callable<T> work) throws Exception {
        String outer = KEY.get();
        KEY.set(key);
        try {
            return work.call();
        } finally {
            restore(outer);
        }
    }

    /** As {@link #withKey(String, Callable)} for work that returns nothing and throws no checked exception. */
    public static void withKey(String key, Runnable work) {
        String outer = KEY.get();
        KEY.set(key);
        try {
            work.run();
        } finally {
            restore(outer);
        }
    }

    /** The key set by the innermost {@link #withKey} on this thread, or {@code null}. */
    public static String currentKey() {
        return KEY.get();
    }

    private static void restore(String outer) {
        if (outer == null) {
            KEY.remove();
        } else {
            KEY.set(outer);
        }
    }
}
