/**
 * Patchbay's public contract: the {@link io.patchbay.api.PatchManager} service that the Gogo shell, the web
 * console and Java code drive, the {@link io.patchbay.api.PatchInspector} that looks at a patch without applying
 * it, the {@link io.patchbay.api.StateHandoff} by which a managed service hands its in-memory state to the version
 * that takes over, the exception both report failures with, and the names (service properties and manifest headers) by which
 * services opt in and patches declare themselves.
 */
@Export
@Version("1.7.0")
package io.patchbay.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
