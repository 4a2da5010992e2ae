package io.patchbay.core.inspect;

import io.patchbay.core.slot.Implementation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

/**
 * Resolves a resource that is not installed against the running framework with the framework's own resolver (the
 * {@link Resolver} service that Felix and Equinox register), so nothing is installed and no bundle's state changes.
 * Only this class and {@link LiveResolveContext} use the resolver API, whose import is optional: where the
 * framework lacks it, loading them fails and the caller says that resolution was not checked.
 */
final class Resolution {

    /**
     * @param checked whether a resolver was asked
     * @param failure the resolver's explanation when a mandatory requirement cannot be satisfied, else {@code null}
     * @param wires where each requirement would be wired, one line each
     */
    record Outcome(boolean checked, String failure, List<String> wires) {
    }

    private Resolution() {
    }

    static Outcome of(BundleContext context, Resource resource) {
        ServiceReference<Resolver> reference = context.getServiceReference(Resolver.class);
        Resolver resolver = reference == null ? null : context.getService(reference);
        if (resolver == null) {
            return new Outcome(false, null, List.of());
        }
        try {
            Map<Resource, List<Wire>> wiring = resolver.resolve(new LiveResolveContext(context, resource));
            return new Outcome(true, null, lines(resource, wiring.getOrDefault(resource, List.of())));
        } catch (ResolutionException e) {
            return new Outcome(true, e.getMessage() != null ? e.getMessage() : "missing requirement "
                    + e.getUnresolvedRequirements().stream().map(Object::toString).collect(Collectors.joining(", ")),
                    List.of());
        } finally {
            context.ungetService(reference);
        }
    }

    /** {@code package com.example.pricing.api 1.0.0 from com.example.pricing.api/1.0.0}, once per requirement. */
    private static List<String> lines(Resource resource, Collection<Wire> wires) {
        List<String> lines = new ArrayList<>();
        for (Wire wire : wires) {
            if (wire.getProvider() == resource || !(wire.getProvider() instanceof BundleRevision provider)) {
                continue; // its own export, imported by itself
            }
            Capability capability = wire.getCapability();
            String namespace = capability.getNamespace();
            Bundle bundle = provider.getBundle();
            Object value = capability.getAttributes().get(namespace);
            // the JVM's own packages carry the Java version as a qualifier (0.0.0.JavaSE_017): not a version
            String version = String.valueOf(value).startsWith("java.") ? "" : version(capability);
            String line = label(namespace) + " " + value(value) + version + " from " + Implementation.bundleId(bundle)
                    + (bundle.getState() == Bundle.INSTALLED ? " (not resolved yet: apply resolves it too)" : "");
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String label(String namespace) {
        return namespace.startsWith("osgi.wiring.") ? namespace.substring("osgi.wiring.".length())
                : namespace.startsWith("osgi.") ? namespace.substring("osgi.".length()) : namespace;
    }

    private static String value(Object value) {
        return value instanceof Collection<?> values
                ? values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
    }

    private static String version(Capability capability) {
        Object version = capability.getAttributes().get("version");
        if (!(version instanceof Version)) {
            version = capability.getAttributes().get("bundle-version");
        }
        return version instanceof Version v && !v.equals(Version.emptyVersion) ? " " + v : "";
    }
}
