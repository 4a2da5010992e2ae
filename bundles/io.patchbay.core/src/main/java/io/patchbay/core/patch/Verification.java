package io.patchbay.core.patch;

import io.patchbay.api.PatchException;
import java.nio.file.Path;

/** What apply checks about a patch jar's signature before anything is installed. */
@FunctionalInterface
public interface Verification {

    /** Patches are not verified: every well-formed patch is applied, with no signer. */
    Verification NONE = (jar, name) -> null;

    /**
     * @param name how the operator named the jar, for messages
     * @return the subject DN of the certificate that signed every entry, or {@code null} when not verifying
     * @throws PatchException with one sentence if the jar is not signed as required
     */
    String signer(Path jar, String name);
}
