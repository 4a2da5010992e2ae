package io.patchbay.bench.startup;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar launcher/target/patchbay.jar}, as a user starts it, on a fresh data folder. */
final class LauncherStart implements Contender {

    /** The key of {@link #baseline}'s samples. */
    static final String BASELINE_KEY = "launcherBefore";

    private final File jar;
    private final String name;
    private final String key;

    LauncherStart(File jar) {
        this(jar, "Patchbay launcher", "launcher");
    }

    private LauncherStart(File jar, String name, String key) {
        this.jar = jar;
        this.name = name;
        this.key = key;
    }

    /** Another launcher jar, for a before and after in one run. */
    static LauncherStart baseline(File jar) {
        if (!jar.isFile()) {
            throw new IllegalArgumentException("No baseline launcher jar " + jar);
        }
        return new LauncherStart(jar, "Patchbay launcher before", BASELINE_KEY);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public ProcessBuilder prepare(Path folder, int port, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Contender.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dpatchbay.data=" + folder.resolve("data"), "-Dpatchbay.http.port=" + port,
                "-jar", jar.getAbsolutePath()));
        return new ProcessBuilder(command);
    }

    @Override
    public Path bundleCache(Path folder) {
        return folder.resolve("data/felix-cache");
    }
}
