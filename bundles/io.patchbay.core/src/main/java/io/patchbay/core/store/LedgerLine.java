package io.patchbay.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One line of {@code ledger.jsonl}: a JSON object with the fields of {@link LedgerEntryDTO} plus {@code prev} (the
 * SHA-256 of the previous line's bytes, without its newline; of no bytes for the first line) and {@code hash}.
 * <p>
 * {@code hash} is the SHA-256 of the canonical content, which does not depend on how JSON escapes text: the fields
 * {@code time, action, actor, slot, from, to, reason, checksum}, then {@code signer} only when it is not {@code null},
 * then {@code prev}, each as a 4-byte big-endian length followed by its UTF-8 bytes ({@code time} as a decimal
 * number; a {@code null} value is the length -1 and no bytes). {@code signer} came later: a line without it (written
 * before, or for an unverified patch) hashes exactly as before, and a signer added to or removed from a line
 * changes its hash. Fields a reader does not know are ignored by the hash; the next line's {@code prev} still
 * covers them.
 *
 * @param entry the entry as read or written
 * @param prev  SHA-256 hex of the previous line
 * @param hash  SHA-256 hex of the canonical content, as stored in the line
 */
record LedgerLine(LedgerEntryDTO entry, String prev, String hash) {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final String PREV = "prev";
    private static final String HASH = "hash";

    /** SHA-256 hex of no bytes: the {@code prev} of the first line. */
    static final String FIRST_PREV = sha256(new byte[0]);

    /** Whether {@link #hash} is the hash of this line's content: false when the line was changed. */
    boolean checksItself() {
        return hash != null && hash.equals(contentHash(entry, prev));
    }

    /** The line for {@code entry} after a line whose hash is {@code prev}, without the newline. */
    static byte[] encode(LedgerEntryDTO entry, String prev) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeNumberField(LedgerField.TIME, entry.time);
            for (LedgerField field : LedgerField.values()) {
                if (!field.omittedFrom(entry)) { // an unsigned line stays as earlier versions wrote it
                    json.writeStringField(field.key, field.of(entry));
                }
            }
            json.writeStringField(PREV, prev);
            json.writeStringField(HASH, contentHash(entry, prev));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a ledger entry as JSON", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads one line (without its newline).
     *
     * @throws IOException if it is not one JSON object with a numeric {@code time} and text (or null) fields
     */
    static LedgerLine decode(byte[] line) throws IOException {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        String prev = null;
        String hash = null;
        boolean timed = false;
        try (JsonParser json = JSON.createParser(line)) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals(LedgerField.TIME)) {
                    expect(value == JsonToken.VALUE_NUMBER_INT, "a whole number for time");
                    entry.time = json.getLongValue();
                    timed = true;
                    continue;
                }
                LedgerField field = LedgerField.named(name);
                if (field == null && !name.equals(PREV) && !name.equals(HASH)) {
                    json.skipChildren(); // a field of a later version: ignored, see the class comment
                    continue;
                }
                expect(value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL, "text or null for " + name);
                String text = value == JsonToken.VALUE_NULL ? null : json.getText();
                if (field != null) {
                    field.set(entry, text);
                } else if (name.equals(PREV)) {
                    prev = text;
                } else {
                    hash = text;
                }
            }
            expect(json.currentToken() == JsonToken.END_OBJECT, "the end of the object");
            expect(json.nextToken() == null, "nothing after the object");
        }
        expect(timed && prev != null && hash != null, "time, prev and hash");
        return new LedgerLine(entry, prev, hash);
    }

    /**
     * A copy of {@code entry} whose text survives UTF-8 unchanged (a lone UTF-16 surrogate becomes {@code ?}), so
     * that the entry kept in memory is exactly the one read back after a restart.
     */
    static LedgerEntryDTO normalized(LedgerEntryDTO entry) {
        return LedgerField.copy(entry, LedgerLine::utf8);
    }

    private static String utf8(String text) {
        return text == null ? null : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** SHA-256 hex of the canonical content; see the class comment. */
    static String contentHash(LedgerEntryDTO entry, String prev) {
        MessageDigest digest = digest();
        List<String> fields = new ArrayList<>();
        fields.add(Long.toString(entry.time));
        for (LedgerField field : LedgerField.values()) {
            if (!field.omittedFrom(entry)) {
                fields.add(field.of(entry));
            }
        }
        fields.add(prev);
        for (String field : fields) {
            if (field == null) {
                digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(utf8.length).array());
                digest.update(utf8);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static void expect(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("not a ledger entry: expected " + what);
        }
    }
}
