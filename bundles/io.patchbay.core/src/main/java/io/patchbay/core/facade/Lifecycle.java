package io.patchbay.core.facade;

import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Seat;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One facade's lifecycle (see {@link Lifecycles}): the arguments of its start call per pair of
 * {@link LifecycleMethods}, and the object it started for each implementation. An object is started once, however
 * many implementations carry it (a service registered again with the same object), and stopped when the last of
 * them has left. Calls run under this object's lock, so a start, an arrival and a departure never interleave.
 */
public final class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    private final Lifecycles slotWide;
    private final Seat seat;
    private final Object[][] given = new Object[LifecycleMethods.KNOWN.size()][];
    private final List<Map<Implementation, Object>> started = new ArrayList<>();

    Lifecycle(Lifecycles slotWide, Seat seat) {
        this.slotWide = slotWide;
        this.seat = seat;
        for (int pair = 0; pair < given.length; pair++) {
            started.add(new IdentityHashMap<>());
        }
    }

    /**
     * The facade's start or stop call ({@code role} as {@link LifecycleMethods#roleOf}); what the active
     * implementation throws is thrown, what a standby throws is logged.
     */
    public synchronized void call(int role, Object[] arguments) throws Throwable {
        int pair = role / 2;
        Throwable failure = role % 2 == 0 ? start(pair, arguments) : stop(pair, arguments);
        if (failure != null) {
            throw failure;
        }
    }

    private Throwable start(int pair, Object[] arguments) {
        given[pair] = arguments;
        slotWide.begun(this, true);
        Implementation active = slotWide.slot().active();
        Throwable failure = null;
        for (Implementation implementation : slotWide.slot().implementations()) {
            Throwable failed = startOn(pair, implementation);
            if (failed != null && implementation == active) {
                failure = failed;
            } else if (failed != null) {
                LOG.log(Level.WARNING, "Standby " + implementation + " of " + slotWide.slot() + " failed to start",
                        failed);
            }
        }
        return failure;
    }

    private Throwable stop(int pair, Object[] arguments) {
        Throwable failure = null;
        for (Object target : distinct(started.get(pair).values())) {
            Throwable failed = invoke(slotWide.method(2 * pair + 1), target, arguments);
            failure = failure == null ? failed : failure;
        }
        started.get(pair).clear();
        given[pair] = null;
        if (java.util.Arrays.stream(given).allMatch(g -> g == null)) {
            slotWide.begun(this, false);
        }
        return failure;
    }

    synchronized void arrived(Implementation implementation) {
        for (int pair = 0; pair < given.length; pair++) {
            Throwable failed = given[pair] == null ? null : startOn(pair, implementation);
            if (failed != null) {
                LOG.log(Level.WARNING, implementation + " failed to start as " + slotWide.slot() + " was", failed);
            }
        }
    }

    synchronized void left(Implementation implementation) {
        for (int pair = 0; pair < given.length; pair++) {
            Object target = started.get(pair).remove(implementation);
            if (target != null && !containsSame(started.get(pair).values(), target)) {
                Method stop = slotWide.method(2 * pair + 1);
                Throwable failed = invoke(stop, target, stop.getParameterCount() == 0 ? null : given[pair]);
                if (failed != null) {
                    LOG.log(Level.WARNING, implementation + " failed to stop after it left " + slotWide.slot(),
                            failed);
                }
            }
        }
    }

    private Throwable startOn(int pair, Implementation implementation) {
        Method start = slotWide.method(2 * pair);
        if (start == null || started.get(pair).containsKey(implementation)) {
            return null;
        }
        Object target;
        try {
            target = implementation.targetFor(seat);
        } catch (RuntimeException gone) {
            return gone;
        }
        Throwable failed = containsSame(started.get(pair).values(), target) ? null
                : invoke(start, target, given[pair]);
        if (failed == null) {
            started.get(pair).put(implementation, target);
        }
        return failed;
    }

    private static Throwable invoke(Method method, Object target, Object[] arguments) {
        try {
            method.invoke(target, arguments);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return e;
        }
    }

    private static boolean containsSame(Iterable<Object> objects, Object target) {
        for (Object object : objects) {
            if (object == target) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> distinct(Iterable<Object> objects) {
        List<Object> once = new ArrayList<>();
        for (Object object : objects) {
            if (!containsSame(once, object)) {
                once.add(object);
            }
        }
        return once;
    }
}
