package io.patchbay.launcher;

import static org.junit.Assert.assertTrue;

import io.patchbay.launcher.storm.Storm;
import io.patchbay.launcher.storm.StormJars;
import io.patchbay.launcher.storm.StormResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * The short operator storm (the bench's {@code storm} part runs it for minutes; docs/benchmarks.md): 16 consumer
 * threads on the example's endpoints, operators over SSH, the console's JSON API, JMX and the Java API (a driver
 * bundle inside the container) on three slots, bundles stopping and starting under them, for
 * {@code patchbay.storm.seconds} (default 45) seconds; then every check of {@link Storm} must hold. The console's
 * {@code patches.json} after the storm is left in {@code target/storm-patches.json}.
 */
public class StormIT {

    @Test
    public void anOperatorStormHolds() throws Exception {
        Path root = Path.of(System.getProperty("patchbay.docs.root", "..")).toAbsolutePath().normalize();
        StormJars built = StormJars.in(root);
        Path jar = TestResources.privateCopy("patchbay.jar", "target/patchbay.jar", "patchbay-storm-");
        try {
            StormJars jars = new StormJars(jar, built.fix(), built.broken(), built.v2Patch(), built.services(),
                    built.servicesPatch());
            Duration duration = Duration.ofSeconds(Long.getLong("patchbay.storm.seconds", 45));
            long seed = Long.getLong("patchbay.storm.seed", 23);
            StormResult result = Storm.run(jars, new Storm.Settings(duration, 16, seed));
            System.out.println(result.summary());
            Path ledger = Files.writeString(Path.of("target/storm-patches.json"), result.patchesJson());
            System.out.println("The ledger and routes after the storm: " + ledger.toAbsolutePath());
            assertTrue(result.summary(), result.passed());
        } finally {
            Files.deleteIfExists(jar);
        }
    }
}
