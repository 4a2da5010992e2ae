package io.patchbay.fleet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's own thread: poll, do what the server asks, sleep for the interval the server gives. A poll that
 * fails (server down, slow, refusing) only makes the thread wait longer, twice as long each time up to the
 * configured limit, with a little jitter so that a fleet does not come back all at once; calls through the
 * container never wait for it.
 */
final class AgentLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(AgentLoop.class.getName());

    private final DdiClient ddi;
    private final ActionRunner actions;
    private final AgentStatus status;
    private final Supplier<Map<String, String>> attributes;
    private final BiConsumer<String, Map<String, Object>> events;
    private final long pollMillis;
    private final long maxBackoffMillis;
    private final Object wake = new Object();
    private volatile boolean stopped;
    private Map<String, String> sentAttributes;

    AgentLoop(DdiClient ddi, ActionRunner actions, AgentStatus status, Supplier<Map<String, String>> attributes,
            BiConsumer<String, Map<String, Object>> events, long pollMillis, long maxBackoffMillis) {
        this.ddi = ddi;
        this.actions = actions;
        this.status = status;
        this.attributes = attributes;
        this.events = events;
        this.pollMillis = pollMillis;
        this.maxBackoffMillis = maxBackoffMillis;
    }

    @Override
    public void run() {
        long sleep = 0;
        while (!stopped) {
            try {
                synchronized (wake) {
                    if (sleep > 0 && !stopped) {
                        wake.wait(sleep);
                    }
                }
                if (stopped) {
                    break;
                }
                sleep = once();
            } catch (InterruptedException e) {
                break;
            } catch (IOException | RuntimeException e) {
                sleep = failed(e);
            }
        }
        status.state("stopped");
    }

    /** One poll and what it asks for; answers how long to sleep. */
    private long once() throws IOException, InterruptedException {
        Ddi.Poll poll = ddi.poll();
        boolean recovered = status.snapshot().failures() > 0;
        status.polled(System.currentTimeMillis() + poll.sleepMillis());
        if (recovered) {
            events.accept("SERVER_REACHABLE", Map.of("server", ddi.base()));
        }
        actions.reportPending();
        Map<String, String> now = attributes.get();
        // hawkBit offers configData in every poll: send at start and whenever the attributes changed
        if (!now.equals(sentAttributes)) {
            ddi.configData(now);
            sentAttributes = now;
        }
        if (poll.cancelHref() != null) {
            actions.cancel(poll.cancelHref());
        } else if (poll.deploymentHref() != null) {
            actions.deploy(poll.deploymentHref());
            sentAttributes = null; // the slots changed: tell the server at once
            return 0;
        }
        return poll.sleepMillis();
    }

    private long failed(Exception e) {
        long delay = delay(pollMillis, status.snapshot().failures() + 1, maxBackoffMillis);
        String why = why(e);
        int failures = status.pollFailed(why, System.currentTimeMillis() + delay);
        if (failures == 1) {
            LOG.log(Level.WARNING, "hawkBit at {0} does not answer ({1}); trying again with back-off",
                    new Object[] { ddi.base(), why });
            events.accept("SERVER_UNREACHABLE", Map.of("server", ddi.base(), "reason", why));
        } else {
            LOG.log(Level.FINE, "Poll failed again", e);
        }
        return delay;
    }

    /** A failed poll in words: what the operator can act on. */
    static String why(Exception e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time (requestTimeoutMs)";
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The back-off after {@code failures} failed polls in a row: doubling from {@code base}, jittered +-10 %. */
    static long delay(long base, int failures, long max) {
        long doubled = base << Math.min(Math.max(0, failures - 1), 20);
        long capped = Math.min(Math.max(base, max), doubled);
        long jitter = capped / 10;
        return jitter == 0 ? capped : capped - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1);
    }

    void stop() {
        stopped = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }
}
