package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The signer of a verified patch in the ledger: kept, covered by the hash, and absent from older lines. */
public class LedgerSignerTest {

    private static final String SIGNER = "CN=Release signing,O=Example";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theSignerIsKeptAndReadBack() {
        Path file = folder.getRoot().toPath().resolve("ledger.jsonl");
        new Ledger(file).append(entry(SIGNER));
        new Ledger(file).append(entry(null));

        Ledger reopened = new Ledger(file);
        assertEquals(SIGNER, reopened.entries().get(1).signer);
        assertNull(reopened.entries().get(0).signer);
        assertTrue(reopened.integrity().sentence(), reopened.integrity().intact());
    }

    @Test
    public void aLineWithoutASignerIsWrittenAsEarlierVersionsWroteIt() {
        String line = new String(LedgerLine.encode(entry(null), LedgerLine.FIRST_PREV), StandardCharsets.UTF_8);
        assertFalse(line, line.contains("signer"));
        assertEquals(earlierVersionsLine(entry(null), LedgerLine.FIRST_PREV), line);
    }

    @Test
    public void aLineOfAnEarlierVersionStillReadsAndChecks() throws Exception {
        Path file = folder.getRoot().toPath().resolve("ledger.jsonl");
        String old = earlierVersionsLine(entry(null), LedgerLine.FIRST_PREV);
        Files.writeString(file, old + "\n");

        Ledger ledger = new Ledger(file);
        ledger.append(entry(SIGNER));
        Ledger reopened = new Ledger(file);
        assertEquals(2, reopened.entries().size());
        assertNull(reopened.entries().get(1).signer);
        assertEquals("The ledger is intact: 2 entries, chained.", reopened.integrity().sentence());
    }

    @Test
    public void anEditedSignerIsReported() throws Exception {
        Path file = folder.getRoot().toPath().resolve("ledger.jsonl");
        Ledger ledger = new Ledger(file);
        ledger.append(entry(SIGNER));
        ledger.append(entry(null));
        Files.writeString(file, Files.readString(file).replace(SIGNER, "CN=Someone Else"));

        assertFalse(new Ledger(file).integrity().intact());
    }

    @Test
    public void aRemovedSignerIsReported() throws Exception {
        Path file = folder.getRoot().toPath().resolve("ledger.jsonl");
        Ledger ledger = new Ledger(file);
        ledger.append(entry(SIGNER));
        ledger.append(entry(null));
        Files.writeString(file, Files.readString(file).replace("\"signer\":\"" + SIGNER + "\",", ""));

        Ledger reopened = new Ledger(file);
        assertNull(reopened.entries().get(1).signer);
        assertFalse(reopened.integrity().sentence(), reopened.integrity().intact());
    }

    private static LedgerEntryDTO entry(String signer) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = 1_700_000_000_000L;
        entry.action = "apply";
        entry.actor = "alice";
        entry.slot = "a.B@1.0.0#b";
        entry.from = "impl/1.0.0";
        entry.to = "impl/1.0.1";
        entry.reason = "FIX-1";
        entry.checksum = "ab".repeat(32);
        entry.signer = signer;
        return entry;
    }

    /** The line as Patchbay wrote it before the signer: nine hashed fields, written here independently. */
    private static String earlierVersionsLine(LedgerEntryDTO e, String prev) {
        String hash;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] { Long.toString(e.time), e.action, e.actor, e.slot, e.from, e.to,
                    e.reason, e.checksum, prev }) {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(utf8.length).array());
                digest.update(utf8);
            }
            hash = HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
        return "{\"time\":" + e.time + ",\"action\":\"" + e.action + "\",\"actor\":\"" + e.actor + "\",\"slot\":\""
                + e.slot + "\",\"from\":\"" + e.from + "\",\"to\":\"" + e.to + "\",\"reason\":\"" + e.reason
                + "\",\"checksum\":\"" + e.checksum + "\",\"prev\":\"" + prev + "\",\"hash\":\"" + hash + "\"}";
    }
}
