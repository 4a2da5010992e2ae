package io.patchbay.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.patchbay.api.PatchbayConstants;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.List;
import org.junit.Test;

public class RejectionsTest {

    private static final String SLOT = "a.B@1.0.0#b";

    @Test
    public void theJudgesAutoRevertRejectsTheCandidateUntilSomethingRoutesToItAgain() {
        LedgerEntryDTO verdict = entry("auto-revert", "judge", "impl/1.0.2", "impl/1.0.0", "hard guard: it threw");
        List<LedgerEntryDTO> newestFirst = List.of(verdict,
                entry("canary", "shell", "impl/1.0.0", "impl/1.0.2", "try it"));
        Rejections rejections = Rejections.of(newestFirst);
        assertEquals(verdict, rejections.of(SLOT, "impl/1.0.2"));
        assertEquals("judge: hard guard: it threw", Rejections.sentence(rejections.of(SLOT, "impl/1.0.2")));
        assertNull("the baseline", rejections.of(SLOT, "impl/1.0.0"));
        assertNull("another slot", rejections.of("a.B@2.0.0#b", "impl/1.0.2"));

        Rejections overruled = Rejections.of(List.of(
                entry("activate", "alice", "impl/1.0.0", "impl/1.0.2", "I know better"), verdict));
        assertNull(overruled.of(SLOT, "impl/1.0.2"));
    }

    @Test
    public void aFleetsHealthVerdictRejectsButAnOperatorsRevertDoesNot() {
        Rejections fleet = Rejections.of(List.of(entry("revert", "hawkBit action 7", "impl/1.0.2", "impl/1.0.0",
                PatchbayConstants.HEALTH_VERDICT + "3 errors in its window")));
        assertEquals("hawkBit action 7: failed the health check: 3 errors in its window",
                Rejections.sentence(fleet.of(SLOT, "impl/1.0.2")));
        Rejections operator = Rejections.of(List.of(entry("revert", "shell", "impl/1.0.2", "impl/1.0.0", "later")));
        assertNull(operator.of(SLOT, "impl/1.0.2"));
        Rejections revertedAgainLater = Rejections.of(List.of(
                entry("revert", "shell", "impl/1.0.2", "impl/1.0.0", "later"),
                entry("apply", "shell", "impl/1.0.0", "impl/1.0.2", "retry"),
                entry("auto-revert", "judge", "impl/1.0.2", "impl/1.0.0", "failed")));
        assertNull("the newest entry decides", revertedAgainLater.of(SLOT, "impl/1.0.2"));
    }

    private static LedgerEntryDTO entry(String action, String actor, String from, String to, String reason) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.action = action;
        entry.actor = actor;
        entry.slot = SLOT;
        entry.from = from;
        entry.to = to;
        entry.reason = reason;
        return entry;
    }
}
