package io.patchbay.itest;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.SlotDTO;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Small things the patching tests share: jars made on the spot, snapshots of the system, cleanup. */
public final class Fixtures {

    public static final String SLOT = "com.example.pricing.api.PriceService@1.0.0#pricing";
    public static final String SLOT_V2 = "com.example.pricing.api.PriceService@2.0.0#pricing";
    public static final String ORIGINAL = "com.example.pricing.impl/1.0.0";
    public static final String FIXED = "com.example.pricing.impl/1.0.1";

    private Fixtures() {
    }

    /** A jar with just a manifest made of {@code headers}. */
    public static File jar(String name, Map<String, String> headers) throws IOException {
        File file = File.createTempFile(name, ".jar");
        file.deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((key, value) -> manifest.getMainAttributes().putValue(key, value));
        try (OutputStream out = Files.newOutputStream(file.toPath());
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    public static File text(String name, String content) throws IOException {
        File file = File.createTempFile(name, ".jar");
        file.deleteOnExit();
        Files.writeString(file.toPath(), content);
        return file;
    }

    /** Every bundle as id, location and state: what "the framework's bundles exactly as before" compares. */
    public static List<String> bundles(BundleContext context) {
        return Stream.of(context.getBundles())
                .map(b -> b.getBundleId() + " " + b.getLocation() + " " + b.getState()).toList();
    }

    /** Every slot's route: active implementation, standbys and the revert stack. */
    public static List<String> routes(PatchManager manager) {
        return manager.slots().stream().map(Fixtures::route).toList();
    }

    public static String route(SlotDTO slot) {
        return slot.id + " active=" + (slot.active == null ? null : slot.active.id) + " standby="
                + slot.standby.stream().map(i -> i.id).toList() + " previous=" + slot.previous;
    }

    /** Back to the starting point: no patch installed, the original active. */
    public static void removePatches(BundleContext context) throws BundleException {
        for (Bundle bundle : context.getBundles()) {
            boolean fix = FIXED.equals(bundle.getSymbolicName() + "/" + bundle.getVersion());
            boolean v2patch = "com.example.pricing.impl.v2/2.0.1".equals(bundle.getSymbolicName() + "/" + bundle.getVersion());
            if (fix || v2patch || bundle.getLocation().startsWith("patchbay:patch/")) {
                bundle.uninstall();
            }
        }
    }
}
