package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;

import io.patchbay.api.dto.CanaryDTO;
import java.util.List;
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
            + "\"slowShare\":0.05,\"warmupCalls\":200,\"guardErrorRate\":0.5,\"guardCalls\":20,"
            + "\"newExceptionRepeats\":3}}";

    @Test
    public void aCanaryHasEveryDocumentedFieldWithNullForWhatIsNotANumber() {
        String json = Json.write(out -> {
            out.writeStartObject();
            CanaryJson.canaries(out, List.of(Canaries.canary(CanaryDTO.RUNNING, "keys")));
            out.writeEndObject();
        });
        assertEquals("{\"canaries\":[" + CANARY + "]}", json);
    }

    @Test
    public void aSpecWithNothingSetIsAllNulls() {
        CanaryDTO canary = Canaries.canary(CanaryDTO.HOLDING, null);
        canary.spec = new io.patchbay.api.dto.CanarySpecDTO();
        String json = Json.write(out -> CanaryJson.canary(out, canary));
        assertEquals("\"spec\":{\"split\":null,\"steps\":null,\"keys\":null,\"bundles\":null,\"salt\":null,"
                + "\"minStepMillis\":null,\"maxStepMillis\":null,\"minCalls\":null,\"autoPromote\":null,\"alpha\":null,"
                + "\"beta\":null,\"errorMargin\":null,\"errorRatio\":null,\"slowShare\":null,\"warmupCalls\":null,"
                + "\"guardErrorRate\":null,\"guardCalls\":null,\"newExceptionRepeats\":null}}",
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
}
