package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JsonTest {

    @Test
    public void commasKeysAndNesting() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("a", 1);
        document.put("b", true);
        document.put("c", Arrays.asList("x", null, Map.of()));
        document.put("d", null);
        assertEquals("{\"a\":1,\"b\":true,\"c\":[\"x\",null,{}],\"d\":null}", Json.write(document));
    }

    @Test
    public void stringsAreEscapedAndInertInHtml() {
        String json = Json.write("q\"b\\n\n\t</script>&\u0001\u2028\u2029é");
        assertEquals("\"q\\\"b\\\\n\\n\\t\\u003c/script\\u003e\\u0026\\u0001\\u2028\\u2029é\"", json);
    }

    @Test
    public void decimalsAreWholeWithoutAFractionAndNullWhenNotFinite() {
        assertEquals("[5,2.5,null,null,-3]", Json.write(List.of(5.0, 2.5, Double.NaN, Double.POSITIVE_INFINITY,
                -3.0)));
        assertEquals("[1,0.25,null]", Json.write(new double[] { 1, 0.25, Double.NEGATIVE_INFINITY }));
    }
}
