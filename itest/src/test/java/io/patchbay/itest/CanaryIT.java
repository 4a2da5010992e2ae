package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.example.pricing.api.PriceService;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.fixture.consumers.PriceCaller;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Canaries in a real Felix: the splits, seen through the probe's facade, the consumers fixture and real HTTP. */
public class CanaryIT extends ContainerTest {

    static final String BROKEN = "com.example.pricing.impl/1.0.2";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private PriceService prices;
    private Http http;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
        prices = context.getService(context.getServiceReference(PriceService.class));
        http = new Http(context);
        http.await("/pricing/quote?sku=WIDGET&qty=1", 200, WAIT);
    }

    @After
    public void endCanaries() throws Exception {
        for (CanaryDTO canary : manager.canaries()) {
            manager.revert(canary.slot, "test over", "itest");
        }
        Fixtures.removePatches(context);
    }

    @Test
    public void aShareOfCallsGoesToTheCandidateAndEveryCallIsCountedOnItsArm() {
        manager.canary(null, Container.fixPatch().getPath(), spec(CanarySpecDTO.CALLS, 20), "try it", "itest");
        int calls = 4000;
        int candidate = 0;
        for (int i = 0; i < calls; i++) {
            candidate += prices.quote("WIDGET", 10).servedBy().endsWith("1.0.1") ? 1 : 0;
        }
        // binomial(4000, 0.2): mean 800, standard deviation 25.3; six deviations either way
        assertTrue("candidate calls " + candidate, Math.abs(candidate - 800) < 152);
        CanaryDTO canary = manager.canaries().get(0);
        assertEquals(FIXED, canary.candidate);
        assertEquals(candidate, canary.candidateArm.calls);
        assertEquals(calls - candidate, canary.baselineArm.calls);

        manager.revert(SLOT, "seen enough", "itest");
        for (int i = 0; i < 200; i++) {
            assertEquals("com.example.pricing.impl 1.0.0", prices.quote("WIDGET", 10).servedBy());
        }
        LedgerEntryDTO reverted = manager.history(SLOT).get(0);
        assertEquals("revert", reverted.action);
        assertEquals(FIXED, reverted.from);
        assertTrue(reverted.reason, reverted.reason.contains("candidate " + FIXED + ": " + candidate + " calls"));
        assertEquals("canary", manager.history(SLOT).get(1).action);
    }

    @Test
    public void aKeySplitIsStickyPerTenantAndOnlyGrowsWithTheShare() {
        CanarySpecDTO spec = quickJudge(spec(CanarySpecDTO.KEYS, 10, 50));
        spec.autoPromote = false;
        CanaryDTO started = manager.canary(null, Container.fixPatch().getPath(), spec, null, "itest");
        manager.hold(SLOT, "look at step 1 first", "itest");
        Map<String, Boolean> atTen = tenants(200);
        assertEquals(atTen, tenants(200)); // sticky: the same tenant, the same implementation
        long in = atTen.values().stream().filter(b -> b).count();
        assertTrue("tenants in at 10 %: " + in, in >= 5 && in <= 40);
        atTen.forEach((tenant, candidate) -> assertEquals(tenant, manager.bucket(started.spec.salt, tenant) < 1000,
                candidate));

        manager.resume(SLOT, null, "itest");
        CompletableFuture<String> held = on("HOLD");
        drive(held, () -> http.get("/pricing/quote?sku=WIDGET&qty=3", Map.of("X-Tenant", "tenant-" + (int) (Math.random() * 200))));
        assertEquals(2, manager.canaries().get(0).step); // passed step 1, passed step 2, waits to be promoted
        Map<String, Boolean> atFifty = tenants(200);
        atTen.forEach((tenant, candidate) -> assertTrue(tenant + " stays in", !candidate || atFifty.get(tenant)));
        long now = atFifty.values().stream().filter(b -> b).count();
        assertTrue("tenants in at 50 %: " + now, now >= 70 && now <= 130);

        manager.promote(SLOT, "looks right", "alice");
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        assertEquals("promote", manager.history(SLOT).get(0).action);
        assertEquals("alice", manager.history(SLOT).get(0).actor);
        assertEquals(ORIGINAL, manager.revert(SLOT, null, "itest").to);
    }

    @Test
    public void chosenTenantsAndChosenBundlesGetTheCandidateAndNobodyElse() throws Exception {
        CanarySpecDTO keys = spec(CanarySpecDTO.CHOSEN_KEYS);
        keys.keys = new String[] { "acme", "globex" };
        manager.canary(null, Container.fixPatch().getPath(), keys, null, "itest");
        for (String tenant : List.of("acme", "globex", "initech", "umbrella", "acme")) {
            assertEquals(tenant, tenant.equals("acme") || tenant.equals("globex"), servedByCandidate(tenant));
        }
        assertTrue(http.get("/pricing/quote?sku=WIDGET&qty=3").body().contains("1.0.0"));
        assertEquals("com.example.pricing.impl 1.0.0", prices.quote("WIDGET", 1).servedBy());
        assertTrue(manager.canaries().get(0).noKeyCalls >= 2);
        manager.revert(SLOT, null, "itest");

        CanarySpecDTO bundles = spec(CanarySpecDTO.BUNDLES);
        bundles.bundles = new String[] { "io.patchbay.fixture.consumers" };
        manager.canaryOf(null, FIXED, bundles, null, "itest");
        for (Map.Entry<String, PriceCaller> caller : Callers.all(context).entrySet()) {
            assertEquals(caller.getKey(), "com.example.pricing.impl 1.0.1", caller.getValue().call("WIDGET", 2).servedBy());
        }
        assertEquals("com.example.pricing.impl 1.0.0", prices.quote("WIDGET", 1).servedBy());
        assertTrue(http.get("/pricing/quote?sku=WIDGET&qty=3", Map.of("X-Tenant", "acme")).body().contains("1.0.0"));
    }

    @Test
    public void aHealthyCandidateIsPromotedByTheJudge() {
        manager.canary(null, Container.fixPatch().getPath(), quickJudge(spec(CanarySpecDTO.CALLS, 10, 50)), null,
                "itest");
        CompletableFuture<String> promoted = on("PROMOTE");
        drive(promoted, () -> prices.quote("WIDGET", 10));
        assertEquals(FIXED, manager.slot(SLOT).active.id);
        List<String> actions = manager.history(SLOT).stream().limit(3).map(e -> e.action + " " + e.actor).toList();
        assertEquals(List.of("promote judge", "step judge", "canary itest"), actions);
        assertTrue(manager.canaries().isEmpty());
        CanaryDTO last = manager.lastCanary(SLOT);
        assertEquals(CanaryDTO.PROMOTED + " promote judge", last.state + " " + last.outcome + " " + last.outcomeActor);
        assertTrue(last.outcomeReason, last.outcomeReason.startsWith("the candidate is no worse than the baseline"));
        assertEquals(ORIGINAL, manager.revert(SLOT, null, "itest").to); // the baseline is on the revert stack
    }

    @Test
    public void aCandidateFailingOnFivePercentOfCallsIsRevertedAndNoOtherCallFails() {
        CanarySpecDTO spec = spec(CanarySpecDTO.CALLS, 20);
        spec.newExceptionRepeats = 1_000_000L; // let the error test decide, not the new-exception guard
        manager.canary(null, System.getProperty("patchbay.patch.broken"), spec, null, "itest");
        CompletableFuture<String> reverted = on("AUTO_REVERT");
        int[] failed = { 0 };
        int[] quantity = { 0 };
        drive(reverted, () -> {
            try {
                prices.quote("WIDGET", 1 + quantity[0]++ % 100);
            } catch (ArithmeticException e) {
                failed[0]++;
            }
        });
        assertTrue("calls failed: " + failed[0], failed[0] > 0);
        Map<String, ImplementationDTO> implementations = new HashMap<>();
        manager.slot(SLOT).standby.forEach(i -> implementations.put(i.id, i));
        implementations.put(ORIGINAL, manager.slot(SLOT).active);
        assertEquals("every failed call was the candidate's", failed[0], implementations.get(BROKEN).errors);
        assertEquals(0, implementations.get(ORIGINAL).errors);
        LedgerEntryDTO entry = manager.history(SLOT).get(0);
        assertEquals("auto-revert " + BROKEN + " " + ORIGINAL, entry.action + " " + entry.from + " " + entry.to);
        assertTrue(entry.reason, entry.reason.contains("fails more often than the baseline")
                && entry.reason.contains("error test"));
        CanaryDTO last = manager.lastCanary(SLOT);
        assertEquals(CanaryDTO.REVERTED + " auto-revert judge", last.state + " " + last.outcome + " "
                + last.outcomeActor);
        assertTrue(last.outcomeReason, last.outcomeReason.startsWith("the candidate fails more often than the"
                + " baseline"));
        assertTrue(last.ended > 0);
        for (int q = 1; q <= 100; q++) {
            assertEquals("com.example.pricing.impl 1.0.0", prices.quote("WIDGET", q).servedBy());
        }
    }

    private static CanarySpecDTO spec(String split, double... steps) {
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = split;
        spec.steps = steps.length == 0 ? null : steps;
        spec.minStepMillis = 600_000L; // the judge never steps by itself unless a test says so
        return spec;
    }

    /** A judge that passes a step after a few dozen clean calls, so the test walks the steps in seconds. */
    private static CanarySpecDTO quickJudge(CanarySpecDTO spec) {
        spec.minStepMillis = 0L;
        spec.minCalls = 30L;
        spec.warmupCalls = 20L; // the candidate's first calls load its classes: slower than any baseline p99
        spec.errorMargin = 0.2;
        spec.slowShare = 0.6;
        return spec;
    }

    private Map<String, Boolean> tenants(int count) {
        Map<String, Boolean> served = new HashMap<>();
        for (int i = 0; i < count; i++) {
            served.put("tenant-" + i, servedByCandidate("tenant-" + i));
        }
        return served;
    }

    private boolean servedByCandidate(String tenant) {
        String body = http.get("/pricing/quote?sku=WIDGET&qty=3", Map.of("X-Tenant", tenant)).body();
        assertTrue(body, body.contains("com.example.pricing.impl 1.0."));
        return body.contains("com.example.pricing.impl 1.0.1");
    }

    /** The judge's first route event of {@code action} (EventAdmin delivers them on its own thread). */
    private CompletableFuture<String> on(String action) {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Map<String, Object> properties = Map.of(EventConstants.EVENT_TOPIC, "io/patchbay/route/" + action);
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class,
                event -> {
                    if ("judge".equals(event.getProperty("actor"))) {
                        seen.complete(String.valueOf(event.getProperty("reason")));
                    }
                },
                new java.util.Hashtable<>(properties));
        seen.whenComplete((reason, failure) -> handler.unregister());
        return seen;
    }

    /** Makes calls until {@code decided} (the judge's event) or the deadline. */
    private void drive(CompletableFuture<String> decided, Runnable call) {
        Deadline deadline = new Deadline(WAIT);
        while (!decided.isDone()) {
            if (deadline.passed()) {
                throw new AssertionError("The judge decided nothing within " + WAIT.toSeconds() + " s: "
                        + manager.canaries().stream().map(c -> c.state + " step " + c.step + " " + c.verdict + ": "
                                + c.reason + "; candidate " + c.candidateArm.calls + ", baseline "
                                + c.baselineArm.calls + " calls").toList());
            }
            call.run();
        }
    }
}
