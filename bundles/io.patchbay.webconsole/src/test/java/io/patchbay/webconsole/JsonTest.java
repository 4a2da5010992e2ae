package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class JsonTest {

    @Test
    public void commasKeysAndNesting() {
        String json = new Json().object().field("a", 1).field("b", true).key("c").array().value("x").nullValue()
                .object().endObject().endArray().field("d", (String) null).endObject().toString();
        assertEquals("{\"a\":1,\"b\":true,\"c\":[\"x\",null,{}],\"d\":null}", json);
    }

    @Test
    public void stringsAreEscapedAndInertInHtml() {
        String json = new Json().value("q\"b\\n\n\t</script>&\u0001\u2028").toString();
        assertEquals("\"q\\\"b\\\\n\\n\\t\\u003c/script\\u003e\\u0026\\u0001\\u2028\"", json);
    }
}
