package io.patchbay.core.headers;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ManifestClauseTest {

    @Test
    public void aQuotedValueMayHoldAnEscapedQuoteACommaAndASemicolon() {
        List<ManifestClause> clauses = ManifestClause.parse(
                "a.B;version=\"[1.0,2)\";slot=\"say \\\"hi\\\", then; go\", c.D");
        assertEquals(List.of(new ManifestClause("a.B", Map.of("version", "[1.0,2)", "slot", "say \"hi\", then; go")),
                new ManifestClause("c.D", Map.of())), clauses);
    }

    @Test
    public void directivesLoseTheirColonAndDuplicatesStay() {
        assertEquals(List.of(new ManifestClause("com.example.impl",
                Map.of("bundle-version", "[1.0.0,1.0.0]", "resolution", "mandatory"))),
                ManifestClause.parse("com.example.impl;bundle-version=\"[1.0.0,1.0.0]\";resolution:=mandatory"));
        assertEquals(List.of("a.B", "a.B"), ManifestClause.parse("a.B, a.B").stream().map(ManifestClause::name)
                .toList());
    }

    @Test
    public void aBlankHeaderHasNoClauses() {
        assertEquals(List.of(), ManifestClause.parse(" "));
    }
}
