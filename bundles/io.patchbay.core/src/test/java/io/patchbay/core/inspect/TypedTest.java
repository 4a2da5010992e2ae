package io.patchbay.core.inspect;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TypedTest {

    @Test
    public void rangesBecomeFilterTerms() {
        assertEquals("(version>=1.0.0)(!(version>=2.0.0))", Typed.rangeFilter("version", "[1.0,2)"));
        assertEquals("(!(version<=1.0.0))(version<=2.0.0)", Typed.rangeFilter("version", "(1,2]"));
        assertEquals("(bundle-version>=1.2.3)", Typed.rangeFilter("bundle-version", "1.2.3"));
        assertEquals("", Typed.rangeFilter("version", null));
    }

    @Test
    public void filterValuesAreEscaped() {
        assertEquals("a\\(b\\)\\*\\\\", Typed.escaped("a(b)*\\"));
    }
}
