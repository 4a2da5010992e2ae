package io.patchbay.api;

/**
 * Names shared by Patchbay and the bundles it manages: service properties and manifest headers.
 * <p>
 * A patch bundle declares itself with two manifest headers, set from its {@code bnd.bnd} like any other header:
 *
 * <pre>
 * Patchbay-Patch: com.example.pricing.api.PriceService;version="[1.0,2)"
 * Patchbay-Reason: Bulk discount was taken twice (PRICING-42)
 * </pre>
 */
public final class PatchbayConstants {

    /**
     * Service property by which an implementation opts in to being managed: {@code patchbay.managed=true}.
     * Consumers of a managed service get a facade that follows patches without being restarted.
     */
    public static final String MANAGED = "patchbay.managed";

    /**
     * Manifest header that makes a bundle a patch: a comma-separated list of the interfaces it brings new
     * implementations for, each with an optional {@code version} attribute, a range of the API package versions
     * it is built against (for example {@code version="[1.0,2)"}). Without a version any API version matches.
     */
    public static final String PATCH_HEADER = "Patchbay-Patch";

    /** Manifest header with the patch's reason, one line, shown in the ledger when no other reason is given. */
    public static final String REASON_HEADER = "Patchbay-Reason";

    /**
     * Service property that names the service an implementation belongs to, its slot name:
     * {@code patchbay.slot=pricing}. Registrations of one interface are one slot only when they name the same
     * service. Without it the name is the DS {@code component.name}, else {@code service.pid}, else the
     * registering bundle's symbolic name (so a replacement bundle with the same symbolic name joins the slot).
     */
    public static final String SLOT_PROPERTY = "patchbay.slot";

    /**
     * Attribute of a {@code Patchbay-Patch} clause naming the slot the patch is for, when its interface has several
     * services: {@code Patchbay-Patch: com.example.pricing.api.PriceService;version="[1.0,2)";slot=pricing}.
     */
    public static final String SLOT_ATTRIBUTE = "slot";

    /** Service property on every facade the manager registers: the id of the slot it serves. */
    public static final String FACADE_PROPERTY = "patchbay.facade";

    /**
     * Service property of the service through which a patch calls the implementation it replaces: its value is the
     * slot id. Only patch bundles see these services; a patch's component takes one with a reference such as
     * {@code @Reference(target = "(patchbay.replaced=*)") PriceService replaced}. Its calls go to the implementation
     * that was active before the calling patch (or, while the patch is not active yet, to the active one), never
     * to the patch itself.
     */
    public static final String REPLACED_PROPERTY = "patchbay.replaced";

    /**
     * How the reason of a revert begins when a health verdict (a fleet's health window) throws the patch out: the
     * manager marks the implementation reverted from as rejected, as after the canary judge's auto-revert.
     */
    public static final String HEALTH_VERDICT = "failed the health check: ";

    /**
     * Service property by which a {@link StateHandoff} implementation lets a canary split its state:
     * {@code patchbay.state.shareable=true}. During a canary the baseline and the candidate each keep their own
     * state; at the promotion the baseline's is handed to the candidate (what the candidate's share of calls changed
     * is replaced), at the canary's end the baseline simply keeps its own. A canary between two {@link StateHandoff}
     * implementations that do not both declare it is refused.
     *
     * @since 1.7
     */
    public static final String STATE_SHAREABLE = "patchbay.state.shareable";

    /** The configuration PID of the patch manager (ConfigAdmin), also its metatype PID. */
    public static final String PID = "io.patchbay.core";

    private PatchbayConstants() {
    }
}
