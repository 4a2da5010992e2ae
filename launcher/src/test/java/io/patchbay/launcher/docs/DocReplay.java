package io.patchbay.launcher.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the shell sessions and API calls of one markdown document against real launchers, in the document's
 * order, and compares each block with what the run printed. Every difference is collected (not only the first),
 * and the document as the run would have written it is saved, so that re-baselining is a diff and a copy.
 */
final class DocReplay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURL_URL = Pattern.compile("'?(https?://[^'\\s]+)'?");
    private static final String JAVA_JAR = "$ java -jar ";

    private final Path jar;
    private final Path root;
    private final Path doc;
    private final List<String> text;
    private final List<String> rewritten;
    final List<String> failures = new ArrayList<>();
    int replayed;
    int skipped;

    DocReplay(Path jar, Path root, Path doc) throws IOException {
        this.jar = jar;
        this.root = root;
        this.doc = doc;
        this.text = Files.readAllLines(doc);
        this.rewritten = new ArrayList<>(text);
    }

    /** Replays every block; answers the document as the run would have written it. */
    List<String> replay() throws Exception {
        Container container = null;
        try {
            for (DocBlock block : DocBlock.parse(doc, text)) {
                if (block.directive("skip") != null) {
                    skipped++;
                    continue;
                }
                boolean request = block.directive("get") != null || block.directive("post-jar") != null;
                if (block.isJson() && !request) {
                    failures.add(block.where() + ": a JSON example with no request to check it against: give it "
                            + "a <!-- doctest get: ... --> (or post-jar:), or skip: with the reason");
                    continue;
                }
                if (!block.isTranscript() && !request) {
                    continue;
                }
                boolean starts = block.lines().get(0).startsWith(JAVA_JAR);
                if (container == null || starts || block.has("fresh")) {
                    if (container != null) {
                        container.close();
                    }
                    container = Container.start(jar, root);
                }
                replayed++;
                try {
                    prepare(block, container);
                    if (request) {
                        json(block, container);
                    } else {
                        transcript(block, container);
                    }
                } catch (AssertionError | IOException e) { // the next block gets a fresh container
                    failures.add(block.where() + ": " + e.getMessage());
                    container.close();
                    container = null;
                }
            }
        } finally {
            if (container != null) {
                container.close();
            }
        }
        return rewritten;
    }

    /** The directives that set the scene: configuration files, hidden commands, traffic, a state to wait for. */
    private void prepare(DocBlock block, Container container) throws IOException, InterruptedException {
        String ddi = block.directive("ddi");
        if (ddi != null) {
            container.serveDdi(ddi, root);
        }
        String config = block.directive("config");
        if (config != null) {
            container.configure(config);
        }
        for (String hidden : block.hidden()) {
            container.terminal.type(hidden, Container.COMMAND);
        }
        String calls = block.directive("calls");
        if (calls != null) {
            container.calls(calls);
        }
        String awaited = block.directive("await");
        if (awaited != null) {
            String[] until = awaited.split(" => ", 2);
            container.awaitOutput(until[0], until[1]);
        }
    }

    private void transcript(DocBlock block, Container container) throws IOException, InterruptedException {
        StringBuilder run = new StringBuilder();
        String during = block.directive("while-typing");
        for (String line : block.lines()) {
            if (line.startsWith(JAVA_JAR)) {
                run.append(line).append('\n').append(container.started);
            } else if (line.startsWith(Terminal.PROMPT)) {
                String typed = line.substring(Terminal.PROMPT.length());
                run.append(during == null ? container.terminal.type(typed, Container.COMMAND)
                        : container.typeWithCalls(typed, during));
                during = null; // only while the block's first command runs
            } else if (line.startsWith("$ curl ")) {
                Matcher url = CURL_URL.matcher(line.substring(7));
                if (!url.find()) {
                    throw new AssertionError(block.where() + ": no URL in " + line);
                }
                String target = container.masks.toRun(url.group(1));
                String path = target.substring(target.indexOf('/', "http://".length()));
                run.append(line).append('\n').append(container.get(path).body()).append('\n');
            } else if (line.startsWith("$ ")) {
                throw new AssertionError("'" + line + "' is neither $ curl nor $ java -jar, which are all the doc "
                        + "test can replay; say why it cannot above the block: <!-- doctest skip: ... -->");
            } else if (line.strip().equals(Terminal.PROMPT.strip()) && run.length() > 0) {
                run.append(line).append('\n'); // the prompt the block ends at
            }
        }
        compare(block, String.join("\n", block.lines()), container.masks.asDocumented(run.toString()));
    }

    private void json(DocBlock block, Container container) throws IOException, InterruptedException {
        HttpResponse<String> answer;
        if (block.directive("get") != null) {
            answer = container.get(block.directive("get"));
        } else {
            String[] post = block.directive("post-jar").split(" ", 2);
            answer = container.postJar(post[0], root.resolve(post[1].trim()));
        }
        JsonNode real = JSON.readTree(container.masks.asDocumented(answer.body()));
        JsonNode documented = JSON.readTree(String.join("\n", block.lines()));
        List<String> differences = JsonSample.differences(documented, real);
        if (!differences.isEmpty()) {
            failures.add(block.where() + ": the JSON example differs from the real answer of "
                    + (block.directive("get") != null ? "GET " + block.directive("get") : "POST "
                            + block.directive("post-jar")) + ":\n  " + String.join("\n  ", differences)
                    + "\n  the real answer: " + real);
            replace(block, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(real));
        }
        String table = block.has("table") ? "" : block.directive("table");
        if (table != null) {
            Set<String> unnamed = FieldTable.after(text, block.contentEnd(), table).unnamed(JsonSample.paths(real));
            if (!unnamed.isEmpty()) {
                failures.add(block.where() + ": the field table after the example does not name " + unnamed);
            }
        }
    }

    private void compare(DocBlock block, String documented, String run) {
        String expected = DocMasks.mask(documented);
        String actual = DocMasks.mask(run);
        if (block.has("reflow")) { // numbers of varying width wrap the lines elsewhere: compare the words
            expected = expected.replaceAll("\\s+", " ");
            actual = actual.replaceAll("\\s+", " ");
        }
        if (!expected.equals(actual)) {
            failures.add(block.where() + ": the transcript differs from a real run (masked; '!' marks the first "
                    + "line that differs)\n" + sideBySide(expected, actual));
            replace(block, run);
        }
    }

    private void replace(DocBlock block, String run) {
        List<String> lines = run.stripTrailing().lines().map(String::stripTrailing)
                .map(l -> l.isEmpty() ? l : block.indent() + l).toList();
        for (int i = block.line() - 1; i < block.contentEnd(); i++) {
            rewritten.set(i, null);
        }
        rewritten.set(block.line() - 1, String.join("\n", lines));
    }

    static String sideBySide(String expected, String actual) {
        List<String> doc = expected.lines().toList();
        List<String> run = actual.lines().toList();
        int first = 0;
        while (first < doc.size() && first < run.size() && doc.get(first).equals(run.get(first))) {
            first++;
        }
        StringBuilder out = new StringBuilder("  --- doc\n");
        for (int i = 0; i < doc.size(); i++) {
            out.append(i == first ? "! " : "  ").append(doc.get(i)).append('\n');
        }
        out.append("  --- run\n");
        for (int i = 0; i < run.size(); i++) {
            out.append(i == first ? "! " : "  ").append(run.get(i)).append('\n');
        }
        return out.toString();
    }
}
