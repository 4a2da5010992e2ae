package io.patchbay.fleet;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A {@link FleetConfiguration} as SCR would make it, for an agent run without OSGi ({@link AgentRuntime}) and for
 * tests: the given values, else the annotation's defaults.
 */
public final class Configurations {

    private Configurations() {
    }

    public static FleetConfiguration of(Map<String, Object> values) {
        return (FleetConfiguration) Proxy.newProxyInstance(FleetConfiguration.class.getClassLoader(),
                new Class<?>[] { FleetConfiguration.class }, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    throw new IllegalStateException("no value for " + method.getName());
                });
    }
}
