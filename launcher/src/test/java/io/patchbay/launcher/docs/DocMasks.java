package io.patchbay.launcher.docs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may differ between a documented transcript and a real run, declared in one place. A run is first made to
 * look like the reader's machine ({@link #asDocumented}: the repository at {@code /home/you/patchbay}, the data
 * folder at its default place, port 8080); then both sides are masked ({@link #mask}) where a value changes from
 * run to run (times, durations, bundle ids, hashes, tokens). Everything else, a slot id, a banner line, a
 * sentence, must be equal.
 */
final class DocMasks {

    static final String DOC_ROOT = "/home/you/patchbay";
    static final String DOC_DATA = DOC_ROOT + "/patchbay-data";
    static final int DOC_PORT = 8080;

    /** Pattern and its stand-in, applied in order to the doc and to the run alike. */
    static final Map<Pattern, String> MASKS = new LinkedHashMap<>();

    static {
        // a log record (java.util.logging's two lines) that the container prints on its own terminal between the
        // shell's lines, when it prints it: not part of what the shell answered
        MASKS.put(Pattern.compile("(?m)^[A-Z][a-z]{2} \\d\\d?, \\d{4} \\d\\d?:\\d\\d:\\d\\d [AP]M \\S+ \\S+\\R"
                + "(?:SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): .*\\R?"), "");
        MASKS.put(Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d( UTC)?"), "<date time>");
        MASKS.put(Pattern.compile("\\b\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\b"), "<clock>");
        MASKS.put(Pattern.compile("\\(\\d+ s ago\\)"), "(<n> s ago)");
        MASKS.put(Pattern.compile("\\b[0-9a-f]{64}\\b"), "<sha256>");
        MASKS.put(Pattern.compile("\\b[0-9a-f]{12}…"), "<sha256 prefix>…");
        MASKS.put(Pattern.compile("\\bbundle \\d+\\b"), "bundle <id>");
        MASKS.put(Pattern.compile("\\(bundles: \\d+ installed, \\d+ updated, \\d+ removed\\)"),
                "(bundles: <n> installed, <n> updated, <n> removed)");
        MASKS.put(Pattern.compile("\\b\\d+\\s+(us|ms)\\b"), "<n> us"); // a loaded machine takes ms
        MASKS.put(Pattern.compile("action \\d+\\b"), "action <id>");
        // an implementation's counters: the readiness probes' calls land on them too
        MASKS.put(Pattern.compile("\\b\\d+ calls?, \\d+ errors?, \\d+ running"), "<n> calls, <n> errors, <n> running");
        // the example's quote count handed over by a switch: the readiness probes' quotes count too
        MASKS.put(Pattern.compile("\\{quotes=\\d+, format="), "{quotes=<n>, format=");
        MASKS.put(Pattern.compile("\\b\\d+ poll\\(s\\) in a row"), "<n> poll(s) in a row");
        MASKS.put(Pattern.compile("next poll in \\d+ s"), "next poll in <n> s");
        // the judge's evidence: how many calls each arm had when it decided, and the tests' scores
        MASKS.put(Pattern.compile("\\b\\d+ calls,\\s+\\d+ errors\\s+\\(\\d+\\.\\d\\d %\\)"), "<n> calls, <n> errors (<rate>)");
        MASKS.put(Pattern.compile("error test -?\\d+\\.\\d\\d,\\s+latency\\s+test\\s+-?\\d+\\.\\d\\d"),
                "error test <score>, latency test <score>");
        // the new-exception guard acts at the judge's first look (every 250 ms) with at least its repeats: a call
        // that throws between the last repeat and that look counts too
        MASKS.put(Pattern.compile("\\b\\d+\\s+times;\\s+the\\s+baseline\\s+never\\s+threw\\s+it"),
                "<n> times; the baseline never threw it");
    }

    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Path root;
    private final Path data;
    private final int port;

    DocMasks(Path root, Path data, int port) {
        this.root = root.toAbsolutePath().normalize();
        this.data = data.toAbsolutePath().normalize();
        this.port = port;
    }

    /** Shows {@code actual} as {@code documented} in {@link #asDocumented} (a stub server's port, say). */
    void alias(String actual, String documented) {
        aliases.put(actual, documented);
    }

    /** A run's output as the reader's machine would print it: the doc's paths and port. */
    String asDocumented(String actual) {
        String text = actual;
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            text = text.replace(alias.getKey(), alias.getValue());
        }
        return text.replace(data.toString(), DOC_DATA).replace(root.toString(), DOC_ROOT)
                .replace("127.0.0.1:" + port, "127.0.0.1:" + DOC_PORT)
                .replace("localhost:" + port, "localhost:" + DOC_PORT);
    }

    /** A URL or path of the doc pointed at this run. */
    String toRun(String documented) {
        return documented.replace("127.0.0.1:" + DOC_PORT, "127.0.0.1:" + port)
                .replace("localhost:" + DOC_PORT, "localhost:" + port);
    }

    static String mask(String text) {
        String masked = text;
        for (Map.Entry<Pattern, String> mask : MASKS.entrySet()) {
            masked = mask.getKey().matcher(masked).replaceAll(Matcher.quoteReplacement(mask.getValue()));
        }
        return masked.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").stripTrailing();
    }
}
