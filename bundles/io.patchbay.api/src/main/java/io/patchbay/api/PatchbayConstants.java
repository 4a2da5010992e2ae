package io.patchbay.api;

/**
 * Names shared by Patchbay and the bundles it manages: service properties and manifest headers.
 */
public final class PatchbayConstants {

    /**
     * Service property by which an implementation opts in to being managed: {@code patchbay.managed=true}.
     * Consumers of a managed service get a facade that follows patches without being restarted.
     */
    public static final String MANAGED = "patchbay.managed";

    private PatchbayConstants() {
    }
}
