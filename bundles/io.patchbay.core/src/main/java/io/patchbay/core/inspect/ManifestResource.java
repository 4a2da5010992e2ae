package io.patchbay.core.inspect;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import io.patchbay.core.headers.ManifestClause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * A patch jar that is not installed, as the resolver sees a bundle: the capabilities and requirements its manifest
 * declares, as the framework derives them (Import-Package, Require-Bundle, Require-Capability, Fragment-Host;
 * identity, Export-Package, Provide-Capability). Filters are written as Felix writes them, so an explanation reads
 * as the framework's would. Not derived: {@code Bundle-RequiredExecutionEnvironment} (bnd writes an
 * {@code osgi.ee} requirement instead), native code, dynamic imports (resolved only when a class is loaded).
 */
final class ManifestResource implements Resource {

    private final String name;
    private final List<Capability> capabilities = new ArrayList<>();
    private final List<Requirement> requirements = new ArrayList<>();

    /**
     * @param withHost whether a fragment's {@code Fragment-Host} is a requirement; without it, a fragment's own
     *            requirements are resolved as those its host takes on when it is refreshed with it
     */
    ManifestResource(Attributes main, boolean withHost) {
        String symbolicName = ManifestClause.parse(main.getValue(Constants.BUNDLE_SYMBOLICNAME)).get(0).name();
        Version version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        this.name = symbolicName + "/" + version;
        String host = main.getValue(Constants.FRAGMENT_HOST);
        boolean fragment = host != null && !host.isBlank();
        // resolved alone (withHost false), a fragment's requirements are those of a bundle: the resolver looks for
        // the host of anything typed a fragment
        identity(symbolicName, version, fragment && withHost ? IdentityNamespace.TYPE_FRAGMENT
                : IdentityNamespace.TYPE_BUNDLE, !fragment);
        exports(main.getValue(Constants.EXPORT_PACKAGE), symbolicName, version);
        provided(main.getValue(Constants.PROVIDE_CAPABILITY));
        imports(main.getValue(Constants.IMPORT_PACKAGE));
        for (ManifestClause bundle : clauses(main.getValue(Constants.REQUIRE_BUNDLE))) {
            require(BundleNamespace.BUNDLE_NAMESPACE, bundle, Constants.BUNDLE_VERSION_ATTRIBUTE);
        }
        for (ManifestClause required : clauses(main.getValue(Constants.REQUIRE_CAPABILITY))) {
            Map<String, String> directives = new LinkedHashMap<>(required.attributes());
            directives.keySet().retainAll(List.of("filter", "resolution", "effective", "cardinality"));
            requirements.add(new Declared.Req(this, required.name(), directives));
        }
        if (fragment && withHost) {
            require(HostNamespace.HOST_NAMESPACE, ManifestClause.parse(host).get(0), Constants.BUNDLE_VERSION_ATTRIBUTE);
        }
    }

    @Override
    public List<Capability> getCapabilities(String namespace) {
        return capabilities.stream().filter(c -> namespace == null || namespace.equals(c.getNamespace())).toList();
    }

    @Override
    public List<Requirement> getRequirements(String namespace) {
        return requirements.stream().filter(r -> namespace == null || namespace.equals(r.getNamespace())).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    /** @param host whether it offers itself as a bundle and host (a fragment does not) */
    private void identity(String symbolicName, Version version, String type, boolean host) {
        capabilities.add(new Declared.Cap(this, IdentityNamespace.IDENTITY_NAMESPACE, Map.of(
                IdentityNamespace.IDENTITY_NAMESPACE, symbolicName, IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE,
                version, IdentityNamespace.CAPABILITY_TYPE_ATTRIBUTE, type), Map.of()));
        if (host) {
            for (String namespace : List.of(BundleNamespace.BUNDLE_NAMESPACE, HostNamespace.HOST_NAMESPACE)) {
                capabilities.add(new Declared.Cap(this, namespace, Map.of(namespace, symbolicName,
                        Constants.BUNDLE_VERSION_ATTRIBUTE, version), Map.of()));
            }
        }
    }

    private void exports(String header, String symbolicName, Version bundleVersion) {
        for (ManifestClause export : clauses(header)) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put(PackageNamespace.PACKAGE_NAMESPACE, export.name());
            String version = export.attributes().getOrDefault(Constants.VERSION_ATTRIBUTE,
                    export.attributes().get("specification-version"));
            attributes.put(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, Version.parseVersion(version));
            attributes.put(PackageNamespace.CAPABILITY_BUNDLE_SYMBOLICNAME_ATTRIBUTE, symbolicName);
            attributes.put(PackageNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE, bundleVersion);
            Map<String, String> directives = new LinkedHashMap<>();
            export.attributes().forEach((key, value) -> {
                if (List.of("uses", "mandatory", "include", "exclude").contains(key)) {
                    directives.put(key, value);
                } else if (!attributes.containsKey(key) && !key.equals("specification-version")) {
                    attributes.put(key, value);
                }
            });
            capabilities.add(new Declared.Cap(this, PackageNamespace.PACKAGE_NAMESPACE, attributes, directives));
        }
    }

    /** Provide-Capability keeps the attribute types it declares ({@code version:Version=1.0}). */
    private void provided(String header) {
        if (header == null || header.isBlank()) {
            return;
        }
        for (Map.Entry<String, Attrs> clause : new Parameters(header, null, true).entrySet()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            Attrs attrs = clause.getValue();
            for (String key : attrs.keySet()) {
                if (key.endsWith(":")) {
                    directives.put(key.substring(0, key.length() - 1), attrs.get(key));
                } else {
                    attributes.put(key, Typed.osgi(attrs.getTyped(key)));
                }
            }
            capabilities.add(new Declared.Cap(this, clause.getKey().replaceAll("~+$", ""), attributes, directives));
        }
    }

    private void imports(String header) {
        for (ManifestClause imported : clauses(header)) {
            StringBuilder filter = new StringBuilder("(" + PackageNamespace.PACKAGE_NAMESPACE + "=" + imported.name()
                    + ")");
            String version = imported.attributes().getOrDefault(Constants.VERSION_ATTRIBUTE,
                    imported.attributes().get("specification-version"));
            filter.append(Typed.rangeFilter(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, version));
            imported.attributes().forEach((key, value) -> {
                if (key.equals(Constants.BUNDLE_VERSION_ATTRIBUTE)) {
                    filter.append(Typed.rangeFilter(key, value));
                } else if (!List.of("version", "specification-version", "resolution").contains(key)) {
                    filter.append('(').append(key).append('=').append(Typed.escaped(value)).append(')');
                }
            });
            requirements.add(new Declared.Req(this, PackageNamespace.PACKAGE_NAMESPACE,
                    directives(filter, imported.attributes().get("resolution"))));
        }
    }

    private void require(String namespace, ManifestClause clause, String versionAttribute) {
        StringBuilder filter = new StringBuilder("(" + namespace + "=" + clause.name() + ")");
        filter.append(Typed.rangeFilter(versionAttribute, clause.attributes().get(versionAttribute)));
        requirements.add(new Declared.Req(this, namespace, directives(filter, clause.attributes().get("resolution"))));
    }

    private static Map<String, String> directives(StringBuilder terms, String resolution) {
        String filter = terms.indexOf(")(") < 0 ? terms.toString() : "(&" + terms + ")";
        return resolution == null ? Map.of("filter", filter) : Map.of("filter", filter, "resolution", resolution);
    }

    private static List<ManifestClause> clauses(String header) {
        return header == null || header.isBlank() ? List.of() : ManifestClause.parse(header);
    }
}
