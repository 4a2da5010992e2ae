package com.example.pricing.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The example's state: how many quotes this service has answered, across patches, reverts and restarts. In memory
 * while it runs; handed to the next version in a switch (as {@link #FORMAT} of its state); kept in the bundle's data
 * area when the component stops, and read back when it starts.
 */
final class QuoteCounter {

    /** The file in the bundle's data area. */
    static final String FILE = "quotes.count";
    /** The name of the count in the handed-over state. */
    static final String QUOTES = "quotes";
    /** The name of the state's format, which a version refuses to import when it is not its own. */
    static final String FORMAT = "format";

    private final AtomicLong quotes = new AtomicLong();
    private final int format;

    QuoteCounter(int format) {
        this.format = format;
    }

    long next() {
        return quotes.incrementAndGet();
    }

    long quotes() {
        return quotes.get();
    }

    Map<String, Object> export() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(QUOTES, quotes.get());
        state.put(FORMAT, format);
        return state;
    }

    /** Takes over the count the previous version handed over; refuses a state of another format. */
    void take(Map<String, Object> state) {
        if (!(state.get(FORMAT) instanceof Integer theirs) || theirs != format
                || !(state.get(QUOTES) instanceof Number count)) {
            throw new IllegalArgumentException("This version reads quote counts of format " + format + ", not "
                    + state);
        }
        quotes.set(count.longValue());
    }

    void load(Path file) throws IOException {
        if (file != null && Files.isRegularFile(file)) {
            quotes.set(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()));
        }
    }

    void save(Path file) throws IOException {
        if (file == null) {
            return;
        }
        Path written = file.resolveSibling(FILE + ".tmp");
        Files.writeString(written, Long.toString(quotes.get()), StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
