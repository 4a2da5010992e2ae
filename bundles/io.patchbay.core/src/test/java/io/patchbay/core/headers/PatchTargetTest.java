package io.patchbay.core.headers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class PatchTargetTest {

    @Test
    public void parsesInterfacesWithAndWithoutRanges() {
        List<PatchTarget> targets = PatchTarget.parse("a.B;version=\"[1.0,2)\", c.D");
        assertEquals(2, targets.size());
        assertTrue(targets.get(0).matches("a.B", "1.5.0"));
        assertFalse(targets.get(0).matches("a.B", "2.0.0"));
        assertFalse(targets.get(0).matches("c.D", "1.0.0"));
        assertNull(targets.get(1).versions());
        assertTrue(targets.get(1).matches("c.D", "9.0.0"));
    }

    @Test
    public void malformedHeadersAreExplained() {
        assertEquals("Patchbay-Patch version '[1,x)' of a.B is not a version range",
                assertThrows(IllegalArgumentException.class, () -> PatchTarget.parse("a.B;version=\"[1,x)\""))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PatchTarget.parse(";version=1"));
    }
}
