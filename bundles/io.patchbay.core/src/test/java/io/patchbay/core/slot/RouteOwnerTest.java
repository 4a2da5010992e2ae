package io.patchbay.core.slot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/** The route's owner: one thread, changes in the order handed in, callers wait for their result. */
public class RouteOwnerTest {

    private final RouteOwner owner = new RouteOwner();

    @After
    public void stop() {
        owner.close();
    }

    @Test
    public void aCallRunsOnTheOwnersThreadAndReturnsItsResult() {
        Thread caller = Thread.currentThread();
        Thread ran = owner.call("probe", Thread::currentThread);

        assertNotSame(caller, ran);
        assertEquals("patchbay-route-owner", ran.getName());
        assertTrue(ran.isDaemon());
        assertFalse(owner.isOwner());
        assertTrue(owner.call("probe", owner::isOwner));
    }

    @Test
    public void aCallOnTheOwnersThreadRunsAtOnce() {
        List<String> order = new CopyOnWriteArrayList<>();
        owner.run("outer", () -> {
            order.add("outer");
            owner.run("inner", () -> order.add("inner")); // would wait for itself if it were queued
            order.add("after");
        });
        assertEquals(List.of("outer", "inner", "after"), order);
    }

    @Test
    public void whatAChangeThrowsReachesTheCallerAsItIs() {
        PatchException refused = new PatchException("Nothing to revert.");
        PatchException thrown = assertThrows(PatchException.class, () -> owner.call("revert", () -> {
            throw refused;
        }));
        assertSame(refused, thrown);
        AssertionError error = new AssertionError("broken");
        assertSame(error, assertThrows(AssertionError.class, () -> owner.run("broken", () -> {
            throw error;
        })));
    }

    @Test
    public void queuedChangesRunInTheOrderHandedInAndAFailureStopsNone() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        owner.submit("blocker", () -> await(release));
        owner.submit("first", () -> order.add(1));
        owner.submit("failing", () -> {
            throw new IllegalStateException("logged, not fatal");
        });
        owner.submit("second", () -> order.add(2));
        assertEquals("nothing ran while the blocker runs", List.of(), order);

        release.countDown();
        assertTrue(owner.awaitQueued(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2), order);
    }

    @Test
    public void aCallWaitsForTheChangesQueuedBeforeIt() {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        owner.submit("framework's", () -> {
            await(release);
            order.add("framework's");
        });
        new Thread(release::countDown).start();
        owner.run("operator's", () -> order.add("operator's"));
        assertEquals(List.of("framework's", "operator's"), order);
    }

    @Test
    public void aReaderWaitsForTheFrameworksChangesButNotForAnOperatorsOperation() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch operating = new CountDownLatch(1);
        Thread operator = new Thread(() -> owner.run("operator's", () -> {
            operating.countDown();
            await(release);
        }));
        operator.start();
        assertTrue(operating.await(10, TimeUnit.SECONDS));
        assertTrue("nothing submitted: no wait", owner.awaitSubmitted(1, TimeUnit.MILLISECONDS));

        List<String> recorded = new CopyOnWriteArrayList<>();
        owner.submit("fallback", () -> recorded.add("fallback"));
        assertFalse("the fallback waits behind the operation", owner.awaitSubmitted(50, TimeUnit.MILLISECONDS));

        release.countDown();
        assertTrue(owner.awaitSubmitted(10, TimeUnit.SECONDS));
        assertEquals(List.of("fallback"), recorded);
        operator.join();
    }

    @Test
    public void aScheduledChangeRunsOnTheOwnerAfterItsDelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        boolean[] onOwner = new boolean[1];
        owner.schedule("deadline", 0, () -> {
            onOwner[0] = owner.isOwner();
            ran.countDown();
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertTrue(onOwner[0]);
    }

    @Test
    public void afterTheStopAnOperationIsRefusedWithASentenceAndQueuedWorkIsDropped() throws Exception {
        owner.close(1000);

        PatchException refused = assertThrows(PatchException.class, () -> owner.call("apply of fix.jar", () -> 1));
        assertEquals("The patch manager is stopping; the apply of fix.jar was not run.", refused.getMessage());
        List<String> ran = new CopyOnWriteArrayList<>();
        owner.submit("late", () -> ran.add("late"));
        owner.schedule("later", 0, () -> ran.add("later"));
        assertFalse(owner.awaitQueued(1, TimeUnit.SECONDS));
        assertEquals(List.of(), ran);
    }

    @Test
    public void aStopRunsWhatWasQueuedBeforeIt() {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        owner.submit("blocker", () -> await(release));
        owner.submit("queued", () -> ran.add("queued"));
        new Thread(release::countDown).start();

        owner.close(10_000);

        assertEquals(List.of("queued"), ran);
    }

    @Test
    public void anInterruptedCallerIsToldTheChangeMayStillTakeEffect() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        owner.submit("blocker", () -> await(release));
        Thread.currentThread().interrupt();
        PatchException told = assertThrows(PatchException.class, () -> owner.call("revert of greeter", () -> 1));
        assertTrue(Thread.interrupted());
        release.countDown();
        assertEquals("Interrupted while waiting for the revert of greeter; it may still take effect.",
                told.getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
