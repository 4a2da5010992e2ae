package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** An upgraded container keeps its history: the tab-separated ledger of earlier versions is imported once. */
public class LedgerImportTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theOldTabSeparatedLedgerIsImportedOnceAndChained() throws Exception {
        Path file = folder.getRoot().toPath().resolve("ledger.jsonl");
        Path old = file.resolveSibling("ledger.tsv");
        Files.writeString(old, "1\tapply\talice\ta.B@1.0.0\timpl/1.0.0\timpl/1.0.1\ttab\\there\tabc\n"
                + "2\trevert\tbob\ta.B@1.0.0\timpl/1.0.1\timpl/1.0.0\t\\0\t\\0\n"
                + "3\tapply\tbob\ta.B@1.0.0\timpl/1.0.0\timpl/1.0.1\ttorn by a cra");

        Ledger ledger = new Ledger(file);
        assertEquals(2, ledger.entries().size());
        assertEquals("tab\there", ledger.entries().get(1).reason);
        assertEquals("abc", ledger.entries().get(1).checksum);
        assertNull(ledger.entries().get(0).reason);
        assertEquals(new LedgerIntegrity(true, "The ledger is intact: 2 entries, chained. At start 2 entries from "
                + "the earlier ledger.tsv were imported and 1 torn line skipped."), ledger.integrity());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(old.resolveSibling("ledger.tsv.imported")));

        Files.writeString(old, "9\tapply\tmallory\ts\tf\tt\tr\tc\n"); // a new one is not imported again
        ledger.append(entry());
        Ledger reopened = new Ledger(file);
        assertEquals(3, reopened.entries().size());
        assertEquals("The ledger is intact: 3 entries, chained.", reopened.integrity().sentence());
    }

    @Test
    public void aLedgerNamedLikeTheOldFileIsNotImportedIntoItself() {
        Path file = folder.getRoot().toPath().resolve("ledger.tsv");
        new Ledger(file).append(entry());

        assertEquals(1, new Ledger(file).entries().size());
        assertTrue(new Ledger(file).integrity().intact());
    }

    private static LedgerEntryDTO entry() {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = 4;
        entry.action = "apply";
        entry.slot = "a.B@1.0.0";
        return entry;
    }
}
