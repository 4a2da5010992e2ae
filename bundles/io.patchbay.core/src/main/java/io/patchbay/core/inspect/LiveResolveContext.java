package io.patchbay.core.inspect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

/**
 * What the framework's resolver needs to resolve one resource that is not installed against the running
 * framework: every installed bundle's current revision, with the wiring of those that are resolved (their
 * capabilities, including those their fragments bring, as the framework offers them to a new bundle). Providers
 * are ordered as the framework orders them: resolved before unresolved, then the highest version, then the lowest
 * bundle id; the resource's own capabilities (its exports, for its own imports) come after installed ones.
 * Resolver hooks and singletons are left out: the framework applies them around its resolver, not in it.
 */
final class LiveResolveContext extends ResolveContext {

    private final Resource patch;
    private final List<BundleRevision> revisions = new ArrayList<>();
    private final Map<Resource, Wiring> wirings = new HashMap<>();

    LiveResolveContext(BundleContext context, Resource patch) {
        this.patch = patch;
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null || (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
                continue; // uninstalled meanwhile, or a fragment (its capabilities are its host's)
            }
            revisions.add(revision);
            BundleWiring wiring = revision.getWiring();
            if (wiring != null) {
                wirings.put(revision, wiring);
            }
        }
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return List.of(patch);
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        String namespace = requirement.getNamespace();
        Filter filter;
        try {
            String text = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            filter = text == null ? null : FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            return new ArrayList<>(); // the framework would refuse the manifest; nothing provides it
        }
        List<Capability> providers = new ArrayList<>();
        for (BundleRevision revision : revisions) {
            Wiring wiring = wirings.get(revision);
            List<Capability> offered = wiring != null ? wiring.getResourceCapabilities(namespace)
                    : revision.getCapabilities(namespace);
            for (Capability capability : offered) {
                if (filter == null || filter.matches(capability.getAttributes())) {
                    providers.add(capability);
                }
            }
        }
        providers.sort(Comparator.comparing((Capability c) -> !wirings.containsKey(c.getResource()))
                .thenComparing(LiveResolveContext::version, Comparator.reverseOrder())
                .thenComparingLong(LiveResolveContext::bundleId));
        for (Capability capability : patch.getCapabilities(namespace)) {
            if (filter == null || filter.matches(capability.getAttributes())) {
                providers.add(capability);
            }
        }
        return providers;
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hosted) {
        capabilities.add(hosted);
        return capabilities.size() - 1;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return wirings;
    }

    private static Version version(Capability capability) {
        Object version = capability.getAttributes().get(capability.getNamespace().equals("osgi.wiring.package")
                ? "version" : "bundle-version");
        return version instanceof Version v ? v : Version.emptyVersion;
    }

    private static long bundleId(Capability capability) {
        return capability.getResource() instanceof BundleRevision revision ? revision.getBundle().getBundleId()
                : Long.MAX_VALUE;
    }
}
