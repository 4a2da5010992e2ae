package io.patchbay.core.store;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class LedgerScanTest {

    @Test
    public void anEmptyFileHasNothingToCut() {
        LedgerScan scan = new LedgerScan(new byte[0]);
        assertNull(scan.tail());
        assertNull(scan.problem());
        assertEquals(0, scan.keep());
        assertEquals(LedgerLine.FIRST_PREV, scan.lastHash());
    }

    @Test
    public void onlyOneTornLineIsCutAndABadLineBeforeItIsReported() {
        byte[] first = LedgerLine.encode(entry("one"), LedgerLine.FIRST_PREV);
        byte[] second = LedgerLine.encode(entry("two"), LedgerLine.sha256(first));
        String edited = new String(second, StandardCharsets.UTF_8).replace("\"two\"", "\"2wo\"");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(first);
        file.write('\n');
        file.writeBytes(edited.getBytes(StandardCharsets.UTF_8));
        file.write('\n');
        long good = file.size();
        file.writeBytes("{\"time\":3".getBytes(StandardCharsets.UTF_8));

        LedgerScan scan = new LedgerScan(file.toByteArray());
        assertArrayEquals("{\"time\":3".getBytes(StandardCharsets.UTF_8), scan.tail());
        assertEquals(good, scan.keep());
        assertEquals(2, scan.entries().size());
        assertEquals("The ledger was edited: entry 2 (1970-01-01 00:00:00 UTC, apply of impl/1.0.1 on a.B@1.0.0) "
                + "does not match its hash.", scan.problem());
    }

    @Test
    public void aTailIsLoggedAsOneLineOfPrintableText() {
        assertEquals("\\u0000a\\u000ab", LedgerScan.printable(new byte[] { 0, 'a', '\n', 'b' }));
        assertEquals("x".repeat(200) + "...", LedgerScan.printable("x".repeat(1000).getBytes(StandardCharsets.UTF_8)));
    }

    private static LedgerEntryDTO entry(String reason) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.action = "apply";
        entry.slot = "a.B@1.0.0";
        entry.to = "impl/1.0.1";
        entry.reason = reason;
        return entry;
    }
}
