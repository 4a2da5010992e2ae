package io.patchbay.launcher.storm;

import java.nio.file.Path;

/**
 * The jars a storm needs: the launcher, the example's patches for the 1.x pricing slot (the fix 1.0.1 and the
 * broken 1.0.2), the patch for the 2.x slot (itest's v2patch fixture, 2.0.1), and itest's services fixture (a
 * {@code premium} PriceService slot, among others) with its patch 1.0.1.
 */
public record StormJars(Path launcher, Path fix, Path broken, Path v2Patch, Path services, Path servicesPatch) {

    /** From a checkout's root, as the modules' builds leave them. */
    public static StormJars in(Path root) {
        Path fixtures = root.resolve("itest/fixtures");
        return new StormJars(root.resolve("launcher/target/patchbay.jar"),
                root.resolve("bundles/com.example.pricing.impl.fix/target/com.example.pricing.impl.fix-1.0.1.jar"),
                root.resolve("bundles/com.example.pricing.impl.broken/target"
                        + "/com.example.pricing.impl.broken-1.0.2.jar"),
                fixture(fixtures, "v2patch"), fixture(fixtures, "services"), fixture(fixtures, "servicespatch"));
    }

    private static Path fixture(Path fixtures, String name) {
        String module = "io.patchbay.fixture." + name;
        return fixtures.resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar");
    }
}
