/**
 * Small statistics that Patchbay's health judgements share, so that the canary judge in the core and the fleet
 * agent (which depends on this API only) take rates the same way.
 */
@Export
@Version("1.0.0")
package io.patchbay.api.stats;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
