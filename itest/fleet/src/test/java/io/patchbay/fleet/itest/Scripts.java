package io.patchbay.fleet.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the operator scripts in {@code scripts/} with {@code sh}, as an operator would. */
final class Scripts {

    /** The exit code, standard output and standard error of one run. */
    record Run(int exit, String out, String err) {
    }

    private Scripts() {
    }

    static Run run(String script, String... args) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("fleet.scripts", "../../scripts"));
        List<String> cmd = new ArrayList<>(List.of("sh", dir.resolve(script).toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(Path.of(System.getProperty("fleet.build", "target")), "script", ".err");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(err.toFile());
        builder.environment().put("HAWKBIT_USER", HawkbitServer.USER);
        builder.environment().put("HAWKBIT_PASSWORD", HawkbitServer.PASSWORD);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not end within 120 s");
        }
        String errText = Files.readString(err).trim();
        Files.delete(err);
        return new Run(process.exitValue(), out, errText);
    }

    /** Runs and expects exit 0; gives standard output. */
    static String ok(String script, String... args) throws IOException, InterruptedException {
        Run run = run(script, args);
        if (run.exit() != 0) {
            throw new AssertionError(script + " exited " + run.exit() + ": " + run.err());
        }
        return run.out();
    }
}
