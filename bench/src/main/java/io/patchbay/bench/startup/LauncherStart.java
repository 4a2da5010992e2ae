package io.patchbay.bench.startup;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar launcher/target/patchbay.jar}, as a user starts it, on a fresh data folder. */
final class LauncherStart implements Contender {

    private final File jar;

    LauncherStart(File jar) {
        this.jar = jar;
    }

    @Override
    public String name() {
        return "Patchbay launcher";
    }

    @Override
    public String key() {
        return "launcher";
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
