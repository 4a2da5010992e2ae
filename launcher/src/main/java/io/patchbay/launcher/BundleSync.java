package io.patchbay.launcher;

import io.patchbay.launcher.EmbeddedBundles.Embedded;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Brings the framework's bundles in line with the launcher's embedded ones, between {@code init()} and
 * {@code start()}. Only locations {@value #LOCATION_PREFIX}... are managed; bundles installed by anyone else are left
 * alone.
 * <ul>
 * <li>not installed: installed and marked started (unless a fragment);</li>
 * <li>installed, same bytes as last time: untouched, so it keeps its persisted state (a bundle an operator
 * stopped stays stopped);</li>
 * <li>installed, other bytes: updated in place, keeping its id and state;</li>
 * <li>installed by an earlier launcher but no longer embedded: uninstalled.</li>
 * </ul>
 */
final class BundleSync {

    static final String LOCATION_PREFIX = "patchbay:" + EmbeddedBundles.FOLDER;

    /** The start level of everything else; see {@link #EARLY}. */
    static final int APPLICATION_LEVEL = 2;

    /**
     * Started at level 1, before every application bundle: the patch manager, whose service hooks must be in place
     * before any managed service is registered, and SCR, so that patches (which the manager also puts at level 1)
     * register their implementations before any consumer makes its first call after a restart, and ConfigAdmin,
     * so that the manager reads its configuration (managed.interfaces) before the first application service.
     */
    private static final Set<String> EARLY = Set.of("io.patchbay.core", "org.apache.felix.scr",
            "org.apache.felix.configadmin");

    /**
     * The highest start level, the framework's beginning level: only EventAdmin, so that it starts last and, above
     * all, stops first. Felix EventAdmin stopped while events are still being delivered warns "Event Task Processing
     * Interrupted" (its pool interrupts the delivering thread) or logs a RejectedExecutionException; stopped first,
     * before the other bundles' stop events flood it, it stops idle and a clean stop prints nothing.
     */
    static final int LAST_LEVEL = 3;
    private static final Set<String> LAST = Set.of("org.apache.felix.eventadmin");

    /** What a sync did, for the start-up line, and one sentence per problem (the others went ahead). */
    record Result(int installed, int updated, int removed, List<String> failures) {
    }

    private BundleSync() {
    }

    static String location(String name) {
        return LOCATION_PREFIX + name;
    }

    static Result sync(BundleContext context, EmbeddedBundles source, List<Embedded> embedded, Path dataDir)
            throws IOException {
        BundleHashes hashes = BundleHashes.load(dataDir);
        List<String> failures = new ArrayList<>();
        Set<String> shipped = new HashSet<>();
        List<Bundle> toStart = new ArrayList<>();
        int installed = 0;
        int updated = 0;
        for (Embedded bundle : embedded) {
            String location = location(bundle.name());
            shipped.add(location);
            String sha256 = bundle.sha256();
            Bundle existing = context.getBundle(location);
            try {
                if (existing == null) {
                    Bundle fresh;
                    if (sha256 != null) { // recorded by the build
                        fresh = context.installBundle(location, source.open(bundle.name()));
                    } else {
                        try (EmbeddedBundles.HashedStream in = source.openHashed(bundle.name())) {
                            fresh = context.installBundle(location, in);
                            sha256 = in.sha256();
                        }
                    }
                    placeEarlyOrLast(fresh);
                    installed++;
                    if (fresh.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                        toStart.add(fresh);
                    }
                } else {
                    if (sha256 == null) { // a cache the hashes file does not describe: compare the bytes
                        try (InputStream in = source.open(bundle.name())) {
                            sha256 = EmbeddedBundles.sha256(in);
                        }
                    }
                    if (!sha256.equals(hashes.get(location))) {
                        existing.update(source.open(bundle.name()));
                        updated++;
                    }
                    placeEarlyOrLast(existing); // a cache from a launcher that had other levels
                }
                hashes.put(location, sha256);
            } catch (BundleException | IOException | RuntimeException e) {
                failures.add("Embedded bundle " + bundle.name() + " could not be installed or updated: "
                        + describe(e));
            }
        }
        int removed = 0;
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.startsWith(LOCATION_PREFIX) && !shipped.contains(location)) {
                try {
                    bundle.uninstall();
                    hashes.remove(location);
                    removed++;
                } catch (BundleException | RuntimeException e) {
                    failures.add("Bundle " + location + " could not be uninstalled: " + describe(e));
                }
            }
        }
        hashes.save();
        for (Bundle bundle : toStart) {
            try {
                bundle.start(); // framework not started yet: marks it persistently started for start()
            } catch (BundleException | RuntimeException e) {
                failures.add("Bundle " + bundle.getLocation() + " could not be started: " + describe(e));
            }
        }
        return new Result(installed, updated, removed, failures);
    }

    private static void placeEarlyOrLast(Bundle bundle) {
        int level = EARLY.contains(bundle.getSymbolicName()) ? 1
                : LAST.contains(bundle.getSymbolicName()) ? LAST_LEVEL : 0;
        BundleStartLevel current = bundle.adapt(BundleStartLevel.class);
        if (level > 0 && current.getStartLevel() != level) {
            current.setStartLevel(level);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? String.valueOf(e.getMessage())
                : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}
