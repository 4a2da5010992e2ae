package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The canary documents of docs/webconsole.md: every field of the DTOs under its own name. */
public class CanaryJsonTest {

    private static final String CANARY = "{\"slot\":\"a.B@1.0.0#b\",\"baseline\":\"a.impl/1.0.0\","
            + "\"candidate\":\"a.impl/1.0.1\",\"state\":\"running\",\"step\":1,\"stepCount\":2,\"share\":2.5,"
            + "\"started\":7,\"stepStarted\":8,"
            + "\"baselineArm\":{\"implementation\":\"a.impl/1.0.0\",\"share\":97.5,\"calls\":390,\"errors\":0,"
            + "\"errorRate\":0,\"p50Micros\":12.5,\"p99Micros\":80,\"timedCalls\":390,\"slowerThanBaselineP99\":0},"
            + "\"candidateArm\":{\"implementation\":\"a.impl/1.0.1\",\"share\":2.5,\"calls\":10,\"errors\":1,"
            + "\"errorRate\":0.1,\"p50Micros\":12.5,\"p99Micros\":80,\"timedCalls\":10,\"slowerThanBaselineP99\":1},"
            + "\"noKeyCalls\":0,\"verdict\":\"wait\",\"reason\":\"holding: 10 of 100 candidate calls \\u003csoon\\u003e\","
            + "\"errorScore\":1.25,\"latencyScore\":0,\"acceptBound\":-2.98,\"rejectBound\":null,"
            + "\"spec\":{\"split\":\"keys\",\"steps\":[2.5,50],\"keys\":[\"acme\"],\"bundles\":[],"
            + "\"salt\":\"a.impl/1.0.1\",\"minStepMillis\":30000,\"maxStepMillis\":600000,\"minCalls\":100,"
            + "\"autoPromote\":true,\"alpha\":0.01,\"beta\":0.05,\"errorMargin\":0.005,\"errorRatio\":2,"
            + "\"slowShare\":0.05,\"slowRatio\":1.2,\"slowMarginMicros\":1000,\"warmupCalls\":200,\"guardErrorRate\":0.5,\"guardCalls\":20,"
            + "\"newExceptionRepeats\":3},"
            + "\"outcome\":null,\"outcomeReason\":null,\"outcomeActor\":null,\"ended\":0}"; // how it ended

    @Test
    public void aCanaryHasEveryDocumentedFieldWithNullForWhatIsNotANumber() {
        String json = Json.write(Map.of("canaries", List.of(Canaries.canary(CanaryDTO.RUNNING, "keys"))));
        assertEquals("{\"canaries\":[" + CANARY + "]}", json);
    }

    @Test
    public void aSpecWithNothingSetIsAllNulls() {
        CanaryDTO canary = Canaries.canary(CanaryDTO.HOLDING, null);
        canary.spec = new io.patchbay.api.dto.CanarySpecDTO();
        String json = Json.write(canary);
        assertEquals("\"spec\":{\"split\":null,\"steps\":null,\"keys\":null,\"bundles\":null,\"salt\":null,"
                + "\"minStepMillis\":null,\"maxStepMillis\":null,\"minCalls\":null,\"autoPromote\":null,\"alpha\":null,"
                + "\"beta\":null,\"errorMargin\":null,\"errorRatio\":null,\"slowShare\":null,\"slowRatio\":null,"
                + "\"slowMarginMicros\":null,\"warmupCalls\":null,"
                + "\"guardErrorRate\":null,\"guardCalls\":null,\"newExceptionRepeats\":null},"
                + "\"outcome\":null,\"outcomeReason\":null,\"outcomeActor\":null,\"ended\":0}",
                json.substring(json.indexOf("\"spec\":")));
    }

    @Test
    public void theAnswerOfACanaryActionCarriesTheCanaryAndOthersDoNot() {
        Outcome held = new Outcome(200, "Holding.", null, Canaries.canary(CanaryDTO.RUNNING, "keys"));
        assertEquals("{\"ok\":true,\"status\":200,\"message\":\"Holding.\",\"change\":null,\"canary\":" + CANARY + "}",
                PatchesJson.outcome(held));
        assertEquals("{\"ok\":false,\"status\":400,\"message\":\"No.\",\"change\":null}",
                PatchesJson.outcome(Outcome.badRequest("No.")));
    }

    @Test
    public void theStateListsTheCanariesAndACanarysOwnEntriesAreNoImplementationsLastSwitch() {
        ImplementationDTO candidate = new ImplementationDTO();
        candidate.id = "a.impl/1.0.1";
        candidate.state = "standby";
        SlotDTO slot = new SlotDTO();
        slot.id = "a.B@1.0.0#b";
        slot.standby = List.of(candidate);
        slot.consumers = List.of();
        slot.previous = List.of();
        List<LedgerEntryDTO> ledger = List.of(entry("hold", 9), entry("step", 8), entry("canary", 7),
                entry("apply", 6));
        PatchManager manager = (PatchManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { PatchManager.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "slots" -> List.of(slot);
                    case "canaries" -> List.of(Canaries.canary(CanaryDTO.HOLDING, "keys"));
                    case "history" -> ledger;
                    case "status" -> new ManagerStatusDTO();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        String state = PatchesJson.state(manager, "tok", 0);
        assertTrue(state, state.contains("\"lastSwitch\":{\"time\":6,\"action\":\"apply\""));
        assertTrue(state, state.contains("\"canaries\":[" + CANARY.replace("running", "holding") + "],"));
    }

    private static LedgerEntryDTO entry(String action, long time) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = time;
        entry.action = action;
        entry.slot = "a.B@1.0.0#b";
        entry.from = "a.impl/1.0.0";
        entry.to = "a.impl/1.0.1";
        return entry;
    }
}
