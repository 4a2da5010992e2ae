package io.patchbay.core.tracking;

import io.patchbay.api.PatchbayConstants;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Which services are raw implementations of managed slots: opted in by {@code patchbay.managed=true}, or
 * registered under an interface named in the configuration, and manageable: every name it is registered under
 * is an interface its bundle can load (a facade cannot extend a class). Facades (registered by the manager) never
 * are.
 * <p>
 * The answer is decided once per registration, the first time anyone asks (the hooks ask as it is registered), and
 * kept until it is unregistered: hiding and facade always agree, and a change of {@code managed.interfaces} takes
 * effect for services registered afterwards.
 */
public final class ManagedServices implements Predicate<ServiceReference<?>> {

    private static final Logger LOG = Logger.getLogger(ManagedServices.class.getName());

    private final Bundle manager;
    private final Supplier<Set<String>> configured;
    private final Map<Object, Boolean> decided = new ConcurrentHashMap<>();

    public ManagedServices(Bundle manager, Supplier<Set<String>> configured) {
        this.manager = manager;
        this.configured = configured;
    }

    @Override
    public boolean test(ServiceReference<?> reference) {
        Bundle owner = reference.getBundle();
        if (owner == null || owner.equals(manager)) {
            return false;
        }
        Object id = reference.getProperty(Constants.SERVICE_ID);
        Boolean decision = decided.get(id);
        if (decision == null) {
            decision = decide(owner, reference); // outside any map lock: it loads classes
            Boolean first = decided.putIfAbsent(id, decision);
            decision = first != null ? first : decision;
        }
        return decision;
    }

    /** Forgets the decision of a registration that is going away. */
    public void forget(ServiceReference<?> reference) {
        decided.remove(reference.getProperty(Constants.SERVICE_ID));
    }

    /** Leaves a registration visible and unmanaged from now on: the manager could not give it a facade. */
    public void release(ServiceReference<?> reference) {
        decided.put(reference.getProperty(Constants.SERVICE_ID), false);
    }

    /** Every name the service is registered under: its facade carries them all, the first managed one first. */
    public List<String> interfaces(ServiceReference<?> reference) {
        List<String> names = objectClasses(reference);
        if (optedIn(reference)) {
            return names;
        }
        Set<String> wanted = configured.get();
        return java.util.stream.Stream.concat(names.stream().filter(wanted::contains),
                names.stream().filter(n -> !wanted.contains(n))).toList();
    }

    private boolean decide(Bundle owner, ServiceReference<?> reference) {
        List<String> names = objectClasses(reference);
        if (!optedIn(reference) && names.stream().noneMatch(configured.get()::contains)) {
            return false;
        }
        for (String name : names) {
            String problem = problem(owner, name);
            if (problem != null) {
                LOG.warning("Patchbay leaves service " + reference.getProperty(Constants.SERVICE_ID) + " of "
                        + owner.getSymbolicName() + " unmanaged and visible: " + problem + ".");
                return false;
            }
        }
        return true;
    }

    private static String problem(Bundle owner, String name) {
        try {
            Class<?> type = owner.loadClass(name);
            return type.isInterface() ? null
                    : "it is registered under the class " + name + ", and a facade can only implement interfaces";
        } catch (ClassNotFoundException | IllegalStateException | NoClassDefFoundError e) {
            return "its bundle cannot load " + name;
        }
    }

    static boolean optedIn(ServiceReference<?> reference) {
        Object value = reference.getProperty(PatchbayConstants.MANAGED);
        return value != null && Boolean.parseBoolean(String.valueOf(value));
    }

    private static List<String> objectClasses(ServiceReference<?> reference) {
        Object value = reference.getProperty(Constants.OBJECTCLASS);
        return value instanceof String[] names ? Arrays.asList(names) : List.of();
    }
}
