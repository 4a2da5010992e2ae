package io.patchbay.bench.fleet;

import io.patchbay.fleet.itest.HawkbitServer;
import io.patchbay.fleet.itest.Mgmt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One fleet size measured against one hawkBit server: the targets start in JVMs of {@code perJvm} agents, register,
 * poll idle for a while (the steady cost of polling), take a good rollout in {@code groups} waves, then a bad one
 * whose first wave fails.
 */
final class FleetSize {

    /** What one size measured. */
    record Result(int targets, int jvms, double pollsPerSecond, double agentCpuMicrosPerPoll,
            double serverCpuIdlePercent, double serverCpuRolloutPercent, long serverRssPeakMb, long rolloutMillis,
            List<Waves.Wave> waves, long pauseAfterFailureMillis, long laterGroupStarts, String badStatus,
            String goodStatus, List<String> goodFailures) {
    }

    private static final Duration WAIT = Duration.ofMinutes(10);

    private final HawkbitServer server;
    private final Mgmt mgmt;
    private final FleetScale.Settings settings;
    private final Path folder;
    private long rssPeakKb;

    FleetSize(HawkbitServer server, Mgmt mgmt, FleetScale.Settings settings, Path folder) {
        this.server = server;
        this.mgmt = mgmt;
        this.settings = settings;
        this.folder = folder;
    }

    Result run(int size, long goodSet, long badSet) throws Exception {
        String prefix = "s" + size + "-";
        String filter = "controllerId==" + prefix + "*";
        Queue<FleetJvm.Event> events = new ConcurrentLinkedQueue<>();
        List<FleetJvm> jvms = new ArrayList<>();
        try {
            for (int first = 0; first < size; first += settings.perJvm()) {
                jvms.add(FleetJvm.start(server.baseUrl(), FleetScale.TOKEN, folder, prefix, first,
                        Math.min(settings.perJvm(), size - first), settings.windowMillis(), events));
            }
            await("every target registered", () -> mgmt.targets(filter).size() == size);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(settings.warmSeconds())); // polling until compiled
            // the steady cost of polling, with nothing to deploy
            long[] before = usage(jvms);
            long serverBefore = server.cpu().toNanos();
            long t0 = System.nanoTime();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(settings.idleSeconds())); // the measured interval
            long[] after = usage(jvms);
            double idleSeconds = (System.nanoTime() - t0) / 1e9;
            double serverIdle = 100.0 * (server.cpu().toNanos() - serverBefore) / 1e9 / idleSeconds;
            long polls = after[0] - before[0];
            double perPoll = polls == 0 ? 0 : (after[1] - before[1]) / 1e3 / polls;

            long good = ready(mgmt.createRollout("good-" + size, goodSet, filter, settings.groups(), 100, 0));
            List<Set<String>> groups = members(good);
            long serverStart = server.cpu().toNanos();
            long start = System.currentTimeMillis();
            mgmt.startRollout(good);
            // finished; or paused, when a target of this healthy set failed (a timeout on a busy server, say)
            await("the good rollout ended", () -> List.of("finished", "paused").contains(mgmt.rolloutStatus(good)));
            String goodStatus = mgmt.rolloutStatus(good);
            List<String> goodFailures = events.stream().filter(e -> e.time() >= start && e.type().equals(
                    "ACTION_FAILED")).map(e -> e.controllerId() + ": " + e.reason()).toList();
            long rollout = System.currentTimeMillis() - start;
            double serverRollout = 100.0 * (server.cpu().toNanos() - serverStart) / 1e6 / rollout;
            // an agent prints its event before it reports the outcome, but the line may still be on its way here
            Set<String> everyTarget = new HashSet<>();
            groups.forEach(everyTarget::addAll);
            holdsWithin(Duration.ofSeconds(10), // events the agents' JVMs printed and this one has not read yet
                    () -> Waves.succeeded(everyTarget, List.copyOf(events), start) == everyTarget.size());
            List<Waves.Wave> waves = Waves.of(groups, List.copyOf(events), start);

            long bad = ready(mgmt.createRollout("bad-" + size, badSet, filter, settings.groups(), 100, 0));
            List<Set<String>> badGroups = members(bad);
            long badStart = System.currentTimeMillis();
            mgmt.startRollout(bad);
            await("the bad rollout paused", () -> "paused".equals(mgmt.rolloutStatus(bad)));
            long pausedAt = System.currentTimeMillis();
            Set<String> later = new HashSet<>();
            badGroups.subList(1, badGroups.size()).forEach(later::addAll);
            long failure = Waves.firstFailure(badGroups.get(0), List.copyOf(events), badStart);
            String laterStatus = mgmt.groups(bad).get(1).path("status").asText();
            return new Result(size, jvms.size(), polls / idleSeconds, perPoll, serverIdle, serverRollout,
                    rssPeakKb / 1024, rollout, waves, failure < 0 ? -1 : pausedAt - failure,
                    Waves.started(later, List.copyOf(events), badStart), laterStatus, goodStatus, goodFailures);
        } finally {
            for (FleetJvm jvm : jvms) {
                jvm.close();
            }
        }
    }

    /** The polls answered and the CPU nanoseconds of every JVM, summed. */
    private static long[] usage(List<FleetJvm> jvms) throws Exception {
        long[] sum = new long[2];
        for (FleetJvm jvm : jvms) {
            FleetJvm.Usage usage = jvm.report();
            sum[0] += usage.polls();
            sum[1] += usage.cpuNanos();
        }
        return sum;
    }

    private long ready(long rollout) throws Exception {
        await("rollout " + rollout + " ready", () -> "ready".equals(mgmt.rolloutStatus(rollout)));
        return rollout;
    }

    private List<Set<String>> members(long rollout) throws Exception {
        List<Set<String>> groups = new ArrayList<>();
        for (var group : mgmt.groups(rollout)) {
            Set<String> ids = new HashSet<>();
            mgmt.groupTargets(rollout, group.path("id").asLong()).forEach(t -> ids.add(t.path("controllerId")
                    .asText()));
            groups.add(ids);
        }
        return groups;
    }

    /** Waits for a condition the server offers no event for, sampling the server's memory meanwhile. */
    private void await(String what, Check condition) throws Exception {
        if (!holdsWithin(WAIT, condition)) {
            throw new IllegalStateException("Not within " + WAIT + ": " + what);
        }
    }

    /** Whether {@code condition} holds before {@code within} passes, sampling the server's memory meanwhile. */
    private boolean holdsWithin(Duration within, Check condition) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            rssPeakKb = Math.max(rssPeakKb, server.rssKb());
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the sampling interval
        }
        rssPeakKb = Math.max(rssPeakKb, server.rssKb());
        return true;
    }

    private interface Check {
        boolean holds() throws Exception;
    }
}
