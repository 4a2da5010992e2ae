package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class JsonTest {

    @Test
    public void commasKeysAndNesting() {
        String json = Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("a", 1);
            g.writeBooleanField("b", true);
            g.writeArrayFieldStart("c");
            g.writeString("x");
            g.writeNull();
            g.writeStartObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("d", null);
            g.writeEndObject();
        });
        assertEquals("{\"a\":1,\"b\":true,\"c\":[\"x\",null,{}],\"d\":null}", json);
    }

    @Test
    public void stringsAreEscapedAndInertInHtml() {
        String json = Json.write(g -> g.writeString("q\"b\\n\n\t</script>&\u0001\u2028\u2029é"));
        assertEquals("\"q\\\"b\\\\n\\n\\t\\u003c/script\\u003e\\u0026\\u0001\\u2028\\u2029é\"", json);
    }
}
