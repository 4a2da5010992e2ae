/**
 * Data transfer objects returned by {@link io.patchbay.api.PatchManager} and {@link io.patchbay.api.PatchInspector}:
 * plain public fields, no behaviour ({@link io.patchbay.api.dto.Changes} is the one helper that fills in a
 * {@link io.patchbay.api.dto.ChangeDTO}).
 */
@Export
@Version("1.6.0")
package io.patchbay.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
