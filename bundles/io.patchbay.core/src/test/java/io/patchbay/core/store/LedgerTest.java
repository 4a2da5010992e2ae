package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LedgerTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void entriesSurviveAndComeBackNewestFirst() {
        Path file = folder.getRoot().toPath().resolve("ledger.tsv");
        Ledger ledger = new Ledger(file);
        ledger.append(entry(1, "apply", "reason with\ttab and\nnewline \\ backslash"));
        ledger.append(entry(2, "revert", null));

        Ledger reloaded = new Ledger(file);
        assertEquals(2, reloaded.entries().size());
        assertEquals("revert", reloaded.entries().get(0).action);
        assertNull(reloaded.entries().get(0).reason);
        assertEquals("reason with\ttab and\nnewline \\ backslash", reloaded.entries().get(1).reason);
        assertEquals("impl/1.0.0", reloaded.entries().get(1).from);
    }

    @Test
    public void aLineTornByACrashIsSkipped() throws Exception {
        Path file = folder.getRoot().toPath().resolve("ledger.tsv");
        new Ledger(file).append(entry(1, "apply", "ok"));
        Files.writeString(file, "2\tapply\tbob", StandardOpenOption.APPEND);
        assertEquals(1, new Ledger(file).entries().size());
    }

    private static LedgerEntryDTO entry(long time, String action, String reason) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = time;
        entry.action = action;
        entry.actor = "tester";
        entry.slot = "a.B@1.0.0";
        entry.from = "impl/1.0.0";
        entry.to = "impl/1.0.1";
        entry.reason = reason;
        return entry;
    }
}
