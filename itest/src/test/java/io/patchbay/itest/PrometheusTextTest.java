package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.junit.Test;

/** The test parser is only worth its checks if it refuses what Prometheus refuses. */
public class PrometheusTextTest {

    private static final String GOOD = """
            # HELP patchbay_calls_total Calls answered.
            # TYPE patchbay_calls_total counter
            patchbay_calls_total{implementation="a/1.0.0",slot="S@1.0.0#x"} 3.0
            patchbay_calls_total{implementation="b\\\\c \\"q\\" \\n",slot="S@1.0.0#x",} 4 1700000000000
            # TYPE patchbay_active gauge
            patchbay_active{slot="S"} 1
            patchbay_up +Inf
            """;

    @Test
    public void readsSamplesLabelsAndEscapes() {
        PrometheusText text = PrometheusText.parse(GOOD);
        assertEquals("counter", text.type("patchbay_calls_total"));
        assertEquals(3.0, text.value("patchbay_calls_total",
                Map.of("implementation", "a/1.0.0", "slot", "S@1.0.0#x")), 0);
        assertEquals(4.0, text.value("patchbay_calls_total",
                Map.of("implementation", "b\\c \"q\" \n", "slot", "S@1.0.0#x")), 0);
        assertEquals(Double.POSITIVE_INFINITY, text.value("patchbay_up", Map.of()), 0);
        assertEquals(4, text.samples().size());
    }

    @Test
    public void refusesMalformedExpositions() {
        for (String bad : new String[] {
                "patchbay_calls_total 1", // no final newline
                "patchbay calls 1\n", // space in the name
                "1patchbay 1\n", // name starts with a digit
                "patchbay_calls_total{slot=\"S} 1\n", // value not closed
                "patchbay_calls_total{slot=S} 1\n", // value not quoted
                "patchbay_calls_total{slot=\"a\\x\"} 1\n", // unknown escape
                "patchbay_calls_total{slot=\"a\" 1\n", // labels not closed
                "patchbay_calls_total{slot=\"a\"slot2=\"b\"} 1\n", // no comma
                "patchbay_calls_total{slot=\"a\",slot=\"b\"} 1\n", // label twice
                "patchbay_calls_total{} one\n", // not a number
                "patchbay_calls_total 1 2.5\n", // timestamp not an integer
                "patchbay_calls_total 1 \n", // trailing space
                "# TYPE patchbay_calls_total counting\n", // unknown type
                "# TYPE a counter\n# TYPE a gauge\n", // second TYPE
                "a 1\n# TYPE a counter\n", // TYPE after samples
                "a{x=\"1\"} 1\nb 1\na{x=\"2\"} 1\n", // a family split
                "a{x=\"1\"} 1\na{x=\"1\"} 2\n", // the same series twice
                "# HELP a back\\slash\n", // bad HELP escape
        }) {
            assertThrows(bad, IllegalArgumentException.class, () -> PrometheusText.parse(bad));
        }
    }
}
