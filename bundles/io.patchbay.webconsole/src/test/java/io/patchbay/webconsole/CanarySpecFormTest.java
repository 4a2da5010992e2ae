package io.patchbay.webconsole;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.CanarySpecDTO;
import java.util.Map;
import org.junit.Test;

public class CanarySpecFormTest {

    @Test
    public void everyFieldByItsDtoNameAndBlanksStayUnset() throws Exception {
        CanarySpecDTO spec = parse(Map.ofEntries(Map.entry("split", " keys "), Map.entry("steps", "1, 5%,25"),
                Map.entry("keys", "acme,\r\nglobex, "), Map.entry("bundles", ""), Map.entry("salt", "s1"),
                Map.entry("minStepMillis", "60_000"), Map.entry("minCalls", "500"), Map.entry("autoPromote", "FALSE"),
                Map.entry("alpha", "0.02"), Map.entry("slowShare", " 0.1 "), Map.entry("slowMarginMicros", "250"), Map.entry("guardCalls", "30"),
                Map.entry("newExceptionRepeats", "4"), Map.entry("beta", " ")));
        assertEquals("keys", spec.split);
        assertArrayEquals(new double[] { 1, 5, 25 }, spec.steps, 0);
        assertArrayEquals(new String[] { "acme", "globex" }, spec.keys);
        assertNull(spec.bundles);
        assertEquals("s1", spec.salt);
        assertEquals(Long.valueOf(60_000), spec.minStepMillis);
        assertEquals(Long.valueOf(500), spec.minCalls);
        assertEquals(Boolean.FALSE, spec.autoPromote);
        assertEquals(Double.valueOf(0.02), spec.alpha);
        assertEquals(Double.valueOf(0.1), spec.slowShare);
        assertEquals(Long.valueOf(250), spec.slowMarginMicros);
        assertEquals(Long.valueOf(30), spec.guardCalls);
        assertEquals(Long.valueOf(4), spec.newExceptionRepeats);
        assertNull(spec.beta);
        assertNull(spec.maxStepMillis);
        assertNull(spec.errorMargin);
        assertNull(spec.warmupCalls);
    }

    @Test
    public void nothingGivenIsTheManagersDefaults() throws Exception {
        CanarySpecDTO spec = parse(Map.of());
        assertNull(spec.split);
        assertNull(spec.steps);
        assertNull(spec.keys);
        assertNull(spec.autoPromote);
    }

    @Test
    public void whatIsNotANumberIsRefusedInOneSentence() throws Exception {
        refused(Map.of("steps", "1, five"), "steps takes percentages separated by commas, such as 1, 5, 25, 50; not"
                + " '1, five'.");
        refused(Map.of("minCalls", "1.5"), "minCalls takes a whole number; not '1.5'.");
        refused(Map.of("alpha", "Infinity"), "alpha takes a number such as 0.05; not 'Infinity'.");
        refused(Map.of("autoPromote", "yes"), "autoPromote takes true or false; not 'yes'.");
    }

    private static void refused(Map<String, String> fields, String sentence) throws Exception {
        try {
            parse(fields);
            fail("accepted " + fields);
        } catch (PatchException e) {
            assertEquals(sentence, e.getMessage());
        }
    }

    private static CanarySpecDTO parse(Map<String, String> fields) throws Exception {
        return CanarySpecForm.parse(fields::get);
    }
}
