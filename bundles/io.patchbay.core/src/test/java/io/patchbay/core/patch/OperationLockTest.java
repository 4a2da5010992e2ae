package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.Test;

public class OperationLockTest {

    private final OperationLock lock = new OperationLock();

    @Test
    public void aSecondOperationWaitsBoundedAndLearnsWhatRuns() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (OperationLock.Held h = lock.acquire("apply of fix.jar", "alice", 0)) {
                held.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(held.await(10, TimeUnit.SECONDS));
        assertEquals("apply of fix.jar by alice", lock.holder().orElseThrow().toString());
        long start = System.nanoTime();
        PatchException busy = assertThrows(PatchException.class, () -> lock.acquire("revert of Price", "bob", 200));
        assertTrue("waited the bounded time", System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200));
        assertEquals("Another patch operation (apply of fix.jar by alice) has been running for 0 s; try again.",
                busy.getMessage());
        done.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertFalse(lock.holder().isPresent());
        try (OperationLock.Held h = lock.acquire("revert of Price", "bob", 200)) {
            assertEquals("revert of Price by bob", lock.holder().orElseThrow().toString());
        }
    }

    @Test
    public void theOutermostOperationOfAThreadIsTheHolder() {
        try (OperationLock.Held outer = lock.acquire("apply of a.jar", "t", 0)) {
            try (OperationLock.Held inner = lock.acquire("activate", "t", 0)) {
                assertEquals("apply of a.jar by t", lock.holder().orElseThrow().toString());
            }
            assertEquals("apply of a.jar by t", lock.holder().orElseThrow().toString());
            outer.close();
            outer.close(); // once only
        }
        assertFalse(lock.holder().isPresent());
    }

    @Test
    public void oneOperationLockPerManagerLock() throws Exception {
        ReentrantLock plain = new ReentrantLock();
        try (OperationLock.Held h = OperationLock.of(plain).acquire("apply of y", "u", 0)) {
            assertEquals("one holder record per lock", "apply of y by u",
                    OperationLock.of(plain).holder().orElseThrow().toString());
        }
        assertFalse(OperationLock.of(plain).holder().isPresent());
        plain.lock();
        try {
            String message = CompletableFuture.supplyAsync(() -> assertThrows(PatchException.class,
                    () -> OperationLock.of(plain).acquire("apply of x", "t", 50)).getMessage()).get(10, TimeUnit.SECONDS);
            assertEquals("Another patch operation has been running for more than 0 s; try again.", message);
        } finally {
            plain.unlock();
        }
    }
}
