/**
 * Patchbay's live numbers where operators already look: {@code prometheus} serves a scrape endpoint on the HTTP
 * whiteboard, {@code jmx} registers one MBean per slot. Both read the public
 * {@link io.patchbay.api.PatchManager} when asked, and keep no numbers of their own. Nothing here is exported.
 */
package io.patchbay.metrics;
