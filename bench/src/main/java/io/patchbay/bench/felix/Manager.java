package io.patchbay.bench.felix;

import java.io.File;
import java.lang.reflect.Method;

/** The {@code PatchManager} service of an embedded framework, called reflectively. */
public final class Manager {

    public static final String SLOT = "com.example.pricing.api.PriceService@1.0.0";
    public static final String FIXED = "com.example.pricing.impl/1.0.1";

    private final Object service;
    private final Method apply;
    private final Method revert;
    private final Method activate;

    public Manager(Felix felix) throws Exception {
        Class<?> type = felix.bundle("io.patchbay.api").loadClass("io.patchbay.api.PatchManager");
        service = felix.service("(objectClass=io.patchbay.api.PatchManager)");
        apply = Reflect.method(type, "apply", String.class, String.class, String.class);
        revert = Reflect.method(type, "revert", String.class, String.class, String.class);
        activate = Reflect.method(type, "activate", String.class, String.class, String.class, String.class);
    }

    /** Applies the patch jar; answers the implementation now active. */
    public String apply(File patch) {
        return to(Reflect.invoke(apply, service, patch.getPath(), "bench", "bench"));
    }

    public String revert(String slot) {
        return to(Reflect.invoke(revert, service, slot, "bench", "bench"));
    }

    public String activate(String slot, String implementation) {
        return to(Reflect.invoke(activate, service, slot, implementation, "bench", "bench"));
    }

    private static String to(Object change) {
        return (String) Reflect.field(change, "to");
    }
}
