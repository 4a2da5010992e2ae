package io.patchbay.bench.report;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The results file keeps the layout the hand-written writer had: the same bytes for the same values. */
public class JsonTest {

    @Test
    public void oneValueALineTwoSpacesALevelAndNullForNaN() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("run", "smoke");
        value.put("empty", Map.of());
        value.put("numbers", List.of(1, 2.5, 10L, new BigDecimal("90.00")));
        value.put("none", List.of());
        value.put("nan", Double.NaN);
        value.put("infinite", Float.POSITIVE_INFINITY);
        value.put("ok", true);
        value.put("null", null);
        value.put("nested", List.of(Map.of("a", List.of("x"))));
        value.put("escaped", "a\"b\\c\nd\te\u0001");
        value.put("other", Thread.State.NEW);
        assertEquals("{\n"
                + "  \"run\": \"smoke\",\n"
                + "  \"empty\": {},\n"
                + "  \"numbers\": [\n    1,\n    2.5,\n    10,\n    90.00\n  ],\n"
                + "  \"none\": [],\n"
                + "  \"nan\": null,\n"
                + "  \"infinite\": null,\n"
                + "  \"ok\": true,\n"
                + "  \"null\": null,\n"
                + "  \"nested\": [\n    {\n      \"a\": [\n        \"x\"\n      ]\n    }\n  ],\n"
                + "  \"escaped\": \"a\\\"b\\\\c\\nd\\te\\u0001\",\n"
                + "  \"other\": \"NEW\"\n"
                + "}\n", Json.write(value));
    }
}
