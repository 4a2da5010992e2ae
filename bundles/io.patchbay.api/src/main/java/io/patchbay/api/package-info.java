/**
 * Patchbay's public contract: the {@link io.patchbay.api.PatchManager} service that the Gogo shell, the web
 * console and Java code drive, the exception it reports failures with, and the names (service properties and
 * manifest headers) by which services opt in and patches declare themselves.
 */
@Export
@Version("1.4.0")
package io.patchbay.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
