package io.patchbay.core.facade;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The lifecycle calls a framework or a whiteboard runtime makes on a service it registers or unregisters, as start
 * and stop pairs: {@code Servlet.init}/{@code destroy}, {@code Filter.init}/{@code destroy}, and a
 * {@code ServletContextListener}'s {@code contextInitialized}/{@code contextDestroyed} (jakarta and javax). A facade
 * hands these to its {@link Lifecycle} instead of the route (see there why).
 */
final class LifecycleMethods {

    /** One pair: the interface that declares it, the start method and the stop method, with their parameters. */
    record Pair(String type, String start, String stop, boolean stopTakesStartArguments) {
    }

    static final List<Pair> KNOWN = List.of(new Pair("jakarta.servlet.Servlet", "init", "destroy", false),
            new Pair("javax.servlet.Servlet", "init", "destroy", false),
            new Pair("jakarta.servlet.Filter", "init", "destroy", false),
            new Pair("javax.servlet.Filter", "init", "destroy", false),
            new Pair("jakarta.servlet.ServletContextListener", "contextInitialized", "contextDestroyed", true),
            new Pair("javax.servlet.ServletContextListener", "contextInitialized", "contextDestroyed", true));

    private LifecycleMethods() {
    }

    /**
     * The index of the pair {@code method} starts ({@code 2 * pair}) or stops ({@code 2 * pair + 1}), or -1 for an
     * ordinary method. A start takes one argument; a stop none, or the start's argument types.
     */
    static int roleOf(Method method) {
        String type = method.getDeclaringClass().getName();
        for (int pair = 0; pair < KNOWN.size(); pair++) {
            Pair known = KNOWN.get(pair);
            if (known.type().equals(type) && method.getReturnType() == void.class) {
                if (known.start().equals(method.getName()) && method.getParameterCount() == 1) {
                    return 2 * pair;
                }
                if (known.stop().equals(method.getName())
                        && method.getParameterCount() == (known.stopTakesStartArguments() ? 1 : 0)) {
                    return 2 * pair + 1;
                }
            }
        }
        return -1;
    }

    /** Every start and stop method of {@code types}, by role (null where a type has none). */
    static Method[] of(List<Class<?>> types) {
        Method[] methods = new Method[2 * KNOWN.size()];
        for (Class<?> type : types) {
            for (Method method : type.getMethods()) {
                int role = roleOf(method);
                if (role >= 0) {
                    methods[role] = method;
                }
            }
        }
        return Arrays.stream(methods).allMatch(m -> m == null) ? null : methods;
    }
}
