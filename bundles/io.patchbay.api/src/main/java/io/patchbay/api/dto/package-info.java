/**
 * Data transfer objects returned by {@link io.patchbay.api.PatchManager} and {@link io.patchbay.api.PatchInspector}:
 * plain public fields, no behaviour.
 */
@Export
@Version("1.5.0")
package io.patchbay.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
