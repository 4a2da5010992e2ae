/**
 * Patchbay's public contract: the names a patch bundle uses to declare itself, and (as the patch manager grows)
 * the {@code PatchManager} service that the shell, the web console and Java code drive.
 */
@Export
@Version("0.1.0")
package io.patchbay.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
