package io.patchbay.launcher.storm;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Joining threads against one deadline. */
final class Threads {

    private Threads() {
    }

    /** Joins each thread until {@code untilNanos} at the latest; answers those still alive. */
    static List<Thread> join(List<Thread> threads, long untilNanos) throws InterruptedException {
        for (Thread thread : threads) {
            long left = untilNanos - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }
}
