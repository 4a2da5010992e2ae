package io.patchbay.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.List;

/** Memory as the JVM reports it after collecting garbage. */
public final class Heap {

    private static final int ROUNDS = 20;

    private Heap() {
    }

    /** Heap bytes in use after full collections. */
    public static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Metaspace bytes in use (class metadata), 0 if the JVM has no such pool. */
    public static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).findFirst().orElse(0);
    }

    /**
     * Collects garbage until none of {@code references} still refers to anything, at most {@value #ROUNDS}
     * rounds, each waiting up to 100 ms for the collector to enqueue what it cleared.
     *
     * @return how many still refer to a live object
     */
    public static long stillReachable(List<? extends Reference<?>> references, ReferenceQueue<?> queue)
            throws InterruptedException {
        long alive = count(references);
        for (int round = 0; round < ROUNDS && alive > 0; round++) {
            System.gc();
            while (queue.remove(100) != null) {
                // drain what this round cleared
            }
            alive = count(references);
        }
        return alive;
    }

    private static long count(List<? extends Reference<?>> references) {
        return references.stream().filter(r -> !r.refersTo(null)).count();
    }

    public static String mb(long bytes) {
        return String.format("%.2f MB", bytes / (1024.0 * 1024.0));
    }
}
