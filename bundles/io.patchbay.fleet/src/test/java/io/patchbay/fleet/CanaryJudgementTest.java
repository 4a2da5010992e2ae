package io.patchbay.fleet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.ChangeDTO;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** The deployment's outcome comes from how the manager says the canary ended, not from the ledger. */
public class CanaryJudgementTest {

    private static CanaryDTO canary(String state, String outcome, String reason) {
        CanaryDTO canary = new CanaryDTO();
        canary.slot = "pricing";
        canary.baseline = "impl/1.0.0";
        canary.candidate = "impl/1.0.2";
        canary.state = state;
        canary.outcome = outcome;
        canary.outcomeReason = reason;
        return canary;
    }

    /** A manager whose canary ended at once as {@code last} tells. */
    private static PatchManager endedAs(CanaryDTO last) {
        return (PatchManager) Proxy.newProxyInstance(PatchManager.class.getClassLoader(),
                new Class<?>[] { PatchManager.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "canary" -> canary(CanaryDTO.RUNNING, null, null);
                    case "canaries" -> List.of();
                    case "lastCanary" -> last;
                    case "history" -> throw new AssertionError("the ledger is not read");
                    default -> null;
                });
    }

    /**
     * A manager that, like the real one while the switch that ends a canary runs, no longer lists the canary but
     * answers the slot's previous canary for {@code stale} looks, then {@code last}.
     */
    private static PatchManager endingAs(CanaryDTO previous, int stale, CanaryDTO last) {
        AtomicInteger looks = new AtomicInteger();
        PatchManager ended = endedAs(last);
        return (PatchManager) Proxy.newProxyInstance(PatchManager.class.getClassLoader(),
                new Class<?>[] { PatchManager.class }, (proxy, method, args) ->
                        method.getName().equals("lastCanary") && looks.getAndIncrement() < stale ? previous
                                : method.invoke(ended, args));
    }

    private static CanaryJudgement judgement(PatchManager manager) {
        return new CanaryJudgement(manager, new double[] { 50 }, 0, 1000);
    }

    @Test
    public void aPromotionIsTheDeploymentsChange() throws Exception {
        ChangeDTO change = judgement(endedAs(canary(CanaryDTO.PROMOTED, "promote", "no worse"))).judge("pricing",
                "file:patch.jar", "rollout 7", "hawkbit", () -> false);
        assertEquals("pricing", change.slot);
        assertEquals("impl/1.0.0", change.from);
        assertEquals("impl/1.0.2", change.to);
    }

    @Test
    public void anAutoRevertFailsWithTheJudgesSentence() {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> judgement(endedAs(canary(CanaryDTO.REVERTED, "auto-revert", "the candidate fails more often"
                        + " than the baseline"))).judge("pricing", "file:patch.jar", "rollout 7", "hawkbit",
                                () -> false));
        assertEquals("The canary judge reverted impl/1.0.2: the candidate fails more often than the baseline",
                failure.getMessage());
    }

    @Test
    public void thePreviousCanarysRevertIsNotTakenForThisOnesOutcomeWhileItsPromotionSwitches() throws Exception {
        CanaryDTO previous = canary(CanaryDTO.REVERTED, "auto-revert", "hard guard: the candidate threw");
        previous.candidate = "impl/1.0.1";
        previous.started = -1; // the same candidate started earlier is another canary too
        CanaryDTO sameCandidateEarlier = canary(CanaryDTO.REVERTED, "auto-revert", "an earlier try");
        sameCandidateEarlier.started = -1;
        PatchManager manager = endingAs(previous, 2, canary(CanaryDTO.PROMOTED, "promote", "no worse"));
        ChangeDTO change = judgement(manager).judge("pricing", "file:patch.jar", "rollout 7", "hawkbit", () -> false);
        assertEquals("impl/1.0.2", change.to);
        change = judgement(endingAs(sameCandidateEarlier, 2, canary(CanaryDTO.PROMOTED, "promote", "no worse")))
                .judge("pricing", "file:patch.jar", "rollout 7", "hawkbit", () -> false);
        assertEquals("impl/1.0.2", change.to);
    }

    @Test
    public void aCanaryTheManagerForgotStillFails() {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> new CanaryJudgement(endedAs(null), new double[] { 50 }, 0, 1000, 0).judge("pricing", "file:patch.jar", null, "hawkbit", () -> false));
        assertEquals("The canary judge reverted impl/1.0.2: the canary ended", failure.getMessage());
    }
}
