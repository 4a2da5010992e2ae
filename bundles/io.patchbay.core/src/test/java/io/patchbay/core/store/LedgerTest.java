package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LedgerTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Path file;

    @Before
    public void listen() {
        file = folder.getRoot().toPath().resolve("data/ledger.jsonl");
        Logger.getLogger(Ledger.class.getName()).addHandler(handler);
    }

    @After
    public void stopListening() {
        Logger.getLogger(Ledger.class.getName()).removeHandler(handler);
    }

    @Test
    public void entriesSurviveAndComeBackNewestFirst() {
        Ledger ledger = new Ledger(file);
        assertEquals(new LedgerIntegrity(true, "The ledger is intact: no entries."), ledger.integrity());
        ledger.append(entry(1, "apply", "reason with\ttab and\nnewline \\ backslash \"quoted\" ünïcødé"));
        ledger.append(entry(2, "revert", null));

        Ledger reloaded = new Ledger(file);
        assertEquals(2, reloaded.entries().size());
        assertEquals("revert", reloaded.entries().get(0).action);
        assertNull(reloaded.entries().get(0).reason);
        assertEquals("reason with\ttab and\nnewline \\ backslash \"quoted\" ünïcødé", reloaded.entries().get(1).reason);
        assertEquals("impl/1.0.0", reloaded.entries().get(1).from);
        assertEquals(new LedgerIntegrity(true, "The ledger is intact: 2 entries, chained."), reloaded.integrity());
    }

    @Test
    public void everyLineIsOneJsonObjectChainedToTheLineBefore() throws Exception {
        Ledger ledger = new Ledger(file);
        ledger.append(entry(1, "apply", "first"));
        ledger.append(entry(2, "revert", "second"));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        Map<String, String> first = fields(lines.get(0));
        Map<String, String> second = fields(lines.get(1));
        assertEquals(List.of("time", "action", "actor", "slot", "from", "to", "reason", "checksum", "prev", "hash"),
                List.copyOf(first.keySet()));
        assertEquals("1000", first.get("time"));
        assertEquals(LedgerLine.sha256(new byte[0]), first.get("prev"));
        assertEquals(LedgerLine.sha256(lines.get(0).getBytes(StandardCharsets.UTF_8)), second.get("prev"));
        assertEquals(64, second.get("hash").length());
    }

    @Test
    public void theChainHoldsAcrossReopening() {
        new Ledger(file).append(entry(1, "apply", "a"));
        new Ledger(file).append(entry(2, "apply", "b"));
        new Ledger(file).append(entry(3, "revert", "c"));

        Ledger reloaded = new Ledger(file);
        assertEquals(3, reloaded.entries().size());
        assertEquals("The ledger is intact: 3 entries, chained.", reloaded.integrity().sentence());
        assertTrue(warnings.isEmpty());
    }

    @Test
    public void aLineCutMidwayIsCutOffAndTheNextAppendChains() throws Exception {
        assertTornTailIsCut(good -> {
            byte[] last = line(4);
            return concat(good, Arrays.copyOf(last, last.length / 2));
        });
    }

    @Test
    public void aLineCutInsideItsFirstFieldIsCutOff() throws Exception {
        assertTornTailIsCut(good -> concat(good, "{\"ti".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void aGarbageLastLineIsCutOff() throws Exception {
        assertTornTailIsCut(good -> concat(good, "\u0000\u0000garbage}\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void aWholeLastLineWithoutItsNewlineIsCutOff() throws Exception {
        assertTornTailIsCut(good -> concat(good, line(4)));
    }

    @Test
    public void aLastLineThatDoesNotMatchItsHashIsCutOff() throws Exception {
        assertTornTailIsCut(good -> {
            String last = new String(line(4), StandardCharsets.UTF_8).replace("\"reason 4\"", "\"reason X\"");
            return concat(good, (last + "\n").getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    public void anEditedEntryInTheMiddleIsReportedAndStaysReadable() throws Exception {
        write(3);
        String text = Files.readString(file).replace("\"reason 2\"", "\"reason 7\"");
        Files.writeString(file, text);

        Ledger ledger = new Ledger(file);
        assertEquals(3, ledger.entries().size());
        assertEquals("reason 7", ledger.entries().get(1).reason);
        assertEquals(new LedgerIntegrity(false, "The ledger was edited: entry 2 (1970-01-01 00:00:02 UTC, apply of "
                + "impl/1.0.1 on a.B@1.0.0) does not match its hash, and 1 more entry does not check."),
                ledger.integrity());
        assertEquals("nothing was cut", text, Files.readString(file));
        assertEquals(1, warnings.size());

        ledger.append(entry(4, "apply", "after the edit"));
        Ledger reopened = new Ledger(file);
        assertEquals(4, reopened.entries().size());
        assertFalse("an edit stays reported", reopened.integrity().intact());
    }

    @Test
    public void aRemovedEntryBreaksTheChain() throws Exception {
        write(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);

        Ledger ledger = new Ledger(file);
        assertEquals(2, ledger.entries().size());
        assertEquals("The ledger was edited: entry 2 (1970-01-01 00:00:03 UTC, apply of impl/1.0.1 on a.B@1.0.0) "
                + "does not follow from the entry before it.", ledger.integrity().sentence());
    }

    @Test
    public void anUnreadableLineInTheMiddleIsReportedAndTheRestIsRead() throws Exception {
        write(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, "not json");
        Files.write(file, lines);

        Ledger ledger = new Ledger(file);
        assertEquals(2, ledger.entries().size());
        assertEquals("The ledger was edited: entry 2 is not a readable ledger entry, and 1 more entry does not check.",
                ledger.integrity().sentence());
    }

    @Test
    public void aLedgerThatCannotBeReadStillOpens() throws Exception {
        Files.createDirectories(file); // a folder where the file should be

        Ledger ledger = new Ledger(file);
        assertTrue(ledger.entries().isEmpty());
        assertFalse(ledger.integrity().intact());
        assertTrue(ledger.integrity().sentence(), ledger.integrity().sentence().startsWith(
                "The ledger could not be read"));
    }

    @Test
    public void bigEntriesAreWrittenWhole() {
        String reason = "x".repeat(3_000_000) + "end";
        Ledger ledger = new Ledger(file);
        ledger.append(entry(1, "apply", reason));
        ledger.append(entry(2, "apply", "small"));

        Ledger reloaded = new Ledger(file);
        assertEquals(reason, reloaded.entries().get(1).reason);
        assertTrue(reloaded.integrity().intact());
    }

    @Test
    public void textThatUtf8CannotHoldIsKeptAsItWillBeReadBack() {
        Ledger ledger = new Ledger(file);
        ledger.append(entry(1, "apply", "lone \uD800 surrogate"));

        assertEquals(new Ledger(file).entries().get(0).reason, ledger.entries().get(0).reason);
        assertTrue(new Ledger(file).integrity().intact());
    }

    private void assertTornTailIsCut(Tear tear) throws Exception {
        write(3);
        byte[] good = Files.readAllBytes(file);
        Files.write(file, tear.apply(good));

        Ledger ledger = new Ledger(file);
        assertEquals(3, ledger.entries().size());
        assertEquals("reason 3", ledger.entries().get(0).reason);
        assertTrue(ledger.integrity().intact());
        assertTrue(ledger.integrity().sentence(), ledger.integrity().sentence().startsWith(
                "The ledger is intact: 3 entries, chained. At start a torn last line ("));
        assertEquals("the file ends with the last good line", good.length, Files.size(file));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage(), warnings.get(0).getMessage().startsWith("Cut a torn last line"));

        ledger.append(entry(4, "apply", "after the cut"));
        Ledger reopened = new Ledger(file);
        assertEquals(4, reopened.entries().size());
        assertEquals("The ledger is intact: 4 entries, chained.", reopened.integrity().sentence());
    }

    private void write(int count) {
        Ledger ledger = new Ledger(file);
        for (int i = 1; i <= count; i++) {
            ledger.append(entry(i, "apply", "reason " + i));
        }
    }

    /** Line {@code number} as a ledger of that many entries would write it, without its newline. */
    private byte[] line(int number) throws Exception {
        Path other = folder.newFolder().toPath().resolve("ledger.jsonl");
        Ledger ledger = new Ledger(other);
        for (int i = 1; i <= number; i++) {
            ledger.append(entry(i, "apply", "reason " + i));
        }
        return Files.readAllLines(other).get(number - 1).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static Map<String, String> fields(String line) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser json = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, json.nextToken());
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                fields.put(name, json.currentToken() == JsonToken.VALUE_NULL ? null : json.getText());
            }
        }
        return fields;
    }

    private interface Tear {
        byte[] apply(byte[] good) throws Exception;
    }

    private static LedgerEntryDTO entry(long time, String action, String reason) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = time * 1000;
        entry.action = action;
        entry.actor = "tester";
        entry.slot = "a.B@1.0.0";
        entry.from = "impl/1.0.0";
        entry.to = "impl/1.0.1";
        entry.reason = reason;
        return entry;
    }
}
