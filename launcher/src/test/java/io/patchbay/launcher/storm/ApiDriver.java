package io.patchbay.launcher.storm;

import io.patchbay.api.PatchManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The activator of the driver bundle that {@link DriverBundle} builds and the storm installs: the operator of the
 * Java API. It runs an {@link Operator} on {@link ApiFrontEnd} until the wall-clock deadline in its manifest, on
 * the slots the manifest names, then writes its journal where the manifest says ({@link DriverBundle#read}).
 */
public final class ApiDriver implements BundleActivator {

    private Thread operator;

    @Override
    public void start(BundleContext context) {
        var headers = context.getBundle().getHeaders();
        long untilMillis = Long.parseLong(headers.get(DriverBundle.UNTIL));
        long seed = Long.parseLong(headers.get(DriverBundle.SEED));
        List<StormSlot> slots = DriverBundle.slots(headers.get(DriverBundle.SLOTS));
        Path journalFile = Path.of(headers.get(DriverBundle.JOURNAL));
        ServiceTracker<PatchManager, PatchManager> managers = new ServiceTracker<>(context, PatchManager.class, null);
        managers.open();
        operator = new Thread(() -> {
            Queue<Operation> journal = new ConcurrentLinkedQueue<>();
            try {
                PatchManager manager = managers.waitForService(TimeUnit.SECONDS.toMillis(30));
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(untilMillis
                        - System.currentTimeMillis());
                if (manager != null) {
                    new Operator(new ApiFrontEnd(manager), ApiFrontEnd.ACTOR, slots, deadline, seed, journal).run();
                }
                write(journalFile, journal);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                managers.close();
            }
        }, "storm-api");
        operator.start();
    }

    /** Written whole, then moved into place: the storm reads it once it exists. */
    private static void write(Path file, Queue<Operation> journal) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Operation operation : journal) {
            lines.add(DriverBundle.line(operation));
        }
        Path written = Files.write(file.resolveSibling(file.getFileName() + ".part"), lines, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        operator.interrupt();
        operator.join(TimeUnit.SECONDS.toMillis(60));
    }
}
