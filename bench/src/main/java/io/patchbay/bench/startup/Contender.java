package io.patchbay.bench.startup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One runtime of the start-up comparison: how to lay out a fresh instance of it that serves the example
 * application, and the command that starts it.
 */
interface Contender {

    /** For the tables: {@code Patchbay launcher}. */
    String name();

    /** For the JSON file: {@code launcher}. */
    String key();

    /**
     * Lays out a fresh instance in {@code folder} (empty; deleted after the round) whose example answers on
     * {@code 127.0.0.1:port}, and answers the command that starts it as one JVM with {@code jvmOptions}.
     */
    ProcessBuilder prepare(Path folder, int port, List<String> jvmOptions) throws IOException;

    /** The Felix bundle cache of the instance laid out in {@code folder}: the bundles installed are counted there. */
    Path bundleCache(Path folder);

    /** The {@code java} of the JVM running the harness: every contender runs on the same one. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
