package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The ledger's and the stores' sentences and edges: counts in words, the limits of a logged tail, empty values. */
public class LedgerSentencesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theIntegritySentenceCountsTheEntriesInWords() {
        Ledger ledger = new Ledger(file());
        assertEquals("The ledger is intact: no entries.", ledger.integrity().sentence());
        ledger.append(entry(1));
        assertEquals("The ledger is intact: 1 entry.", new Ledger(file()).integrity().sentence());
        ledger.append(entry(2));
        assertEquals("The ledger is intact: 2 entries, chained.", new Ledger(file()).integrity().sentence());
    }

    @Test
    public void aOneByteTornTailIsCutAndNamedInTheSingular() throws Exception {
        new Ledger(file()).append(entry(1));
        Files.write(file(), new byte[] { '{' }, java.nio.file.StandardOpenOption.APPEND);
        assertEquals("The ledger is intact: 1 entry. At start a torn last line (1 byte, from an interrupted append)"
                + " was cut off.", new Ledger(file()).integrity().sentence());
    }

    @Test
    public void anImportWithOneEntryAndNoTornLineSaysSo() throws Exception {
        Files.writeString(file().resolveSibling("ledger.tsv"), "1\tapply\talice\ta.B@1.0.0\tf\tt\tr\tc\n");
        assertEquals("The ledger is intact: 1 entry. At start 1 entry from the earlier ledger.tsv were imported.",
                new Ledger(file()).integrity().sentence());
    }

    @Test
    public void anImportOfNothingButTornLinesCountsThem() throws Exception {
        Files.writeString(file().resolveSibling("ledger.tsv"), "x\ty\n1\t2\n");
        assertEquals("The ledger is intact: no entries. At start no entries from the earlier ledger.tsv were"
                + " imported and 2 torn lines skipped.", new Ledger(file()).integrity().sentence());
    }

    @Test
    public void aLoggedTailIsCutAtTwoHundredCharactersOrEightHundredBytes() {
        assertEquals("x".repeat(199), LedgerScan.printable(bytes("x".repeat(199))));
        assertEquals("x".repeat(200) + "...", LedgerScan.printable(bytes("x".repeat(200))));
        assertEquals("\\u0000".repeat(33) + "\\u0000" + "...", LedgerScan.printable(new byte[34]));
        assertEquals("\\u007f", LedgerScan.printable(new byte[] { 0x7f }));
        assertEquals(" ~", LedgerScan.printable(bytes(" ~")));
    }

    @Test
    public void anIntentReachedTheRouteThatRunsItAloneOrWithFragments() {
        Intent apply = new Intent(1, "apply", "ops", null, "h/1", "f/1", null, null, null, null);
        assertEquals("patch f/1", apply.key());
        assertEquals("s", new Intent(1, "apply", "ops", "s", null, "f/1", null, null, null, null).key());
        assertEquals(true, apply.reached("f/1"));
        assertEquals(true, apply.reached("h/1+f/1"));
        assertEquals(true, apply.reached("h/1+f/1+g/1"));
        assertEquals(false, apply.reached("h/1+f/10"));
        assertEquals(false, apply.reached(null));
        assertEquals(false, new Intent(1, "revert", "ops", "s", null, null, null, null, null, null).reached("x"));
    }

    @Test
    public void anIntentKeepsEveryFieldAndLeavesOutNulls() {
        Intent full = new Intent(7, "apply", "ops", "s", "a", "b", "r", "c", "CN=x", "loc");
        Properties properties = new Properties();
        full.store(properties, "0.");
        assertEquals(10, properties.size());
        assertEquals(full, Intent.load(properties, "0."));
        Properties sparse = new Properties();
        new Intent(8, "revert", null, null, null, null, null, null, null, null).store(sparse, "1.");
        assertEquals(2, sparse.size());
        assertEquals(new Intent(8, "revert", null, null, null, null, null, null, null, null),
                Intent.load(sparse, "1."));
    }

    @Test
    public void aRouteWithNoRevertStackIsReadBackEmpty() {
        Path routes = folder.getRoot().toPath().resolve("routes.properties");
        new RouteStore(routes).put("s", new SavedRoute("a/1", List.of(), java.util.Set.of()));
        SavedRoute read = new RouteStore(routes).get("s");
        assertEquals(List.of(), read.previous());
        assertEquals(java.util.Set.of(), read.known());
        assertEquals(java.util.Set.of("s"), new RouteStore(routes).ids());
    }

    @Test
    public void anOldLedgerUnescapesItsFields() {
        assertEquals(null, TsvLedger.unescape("\\0"));
        assertEquals("a\tb\nc\rd\\e", TsvLedger.unescape("a\\tb\\nc\\rd\\\\e"));
        assertEquals("trailing\\", TsvLedger.unescape("trailing\\"));
        assertEquals("\\0x", TsvLedger.unescape("\\\\0x"));
    }

    private Path file() {
        return folder.getRoot().toPath().resolve("ledger.jsonl");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static LedgerEntryDTO entry(long time) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = time;
        entry.action = "apply";
        entry.slot = "a.B@1.0.0";
        return entry;
    }
}
