package io.patchbay.core.inspect;

import java.util.Map;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** A capability or requirement as a jar's manifest declares it, for a resource that is not installed. */
final class Declared {

    private Declared() {
    }

    /** A capability of the resource; identity equality, as the resolver expects. */
    record Cap(Resource resource, String namespace, Map<String, Object> attributes, Map<String, String> directives)
            implements Capability {

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public Map<String, String> getDirectives() {
            return directives;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "[" + resource + "] " + namespace + "; " + attributes;
        }
    }

    /**
     * A requirement of the resource. Its text has the framework's shape, {@code [resource] namespace; filter}, so
     * that the resolver's explanation reads as the framework's does when the bundle is started.
     */
    record Req(Resource resource, String namespace, Map<String, String> directives) implements Requirement {

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public Map<String, String> getDirectives() {
            return directives;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            String filter = directives.get("filter");
            return "[" + resource + "] " + namespace + (filter == null ? "" : "; " + filter);
        }
    }
}
