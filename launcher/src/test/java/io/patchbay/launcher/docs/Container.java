package io.patchbay.launcher.docs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One launcher at a terminal, on a fresh data folder and a free port, ready for the docs' commands: its start
 * printed, the example endpoint and the console answering. HTTP calls go to it as the docs' curl samples do.
 */
final class Container implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(90);
    static final Duration COMMAND = Duration.ofSeconds(60);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    final Path data;
    final int port;
    final Terminal terminal;
    final DocMasks masks;
    /** What {@code java -jar} printed before the first prompt. */
    final String started;
    private DdiStub ddi;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Container(Path data, int port, Terminal terminal, DocMasks masks, String started) {
        this.data = data;
        this.port = port;
        this.terminal = terminal;
        this.masks = masks;
        this.started = started;
    }

    static Container start(Path jar, Path root) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("patchbay-doc-data-");
        int port = freePort();
        Terminal terminal = Terminal.start(jar, data, port, root);
        try {
            String started = terminal.awaitPrompt(START);
            Container container = new Container(data, port, terminal, new DocMasks(root, data, port), started);
            container.awaitReady();
            return container;
        } catch (RuntimeException | Error | InterruptedException e) {
            terminal.close();
            throw e;
        }
    }

    /** Until the example answers and the console lets the admin in: then every slot is there. */
    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline && terminal.isAlive()) {
            try {
                if (get("/pricing/quote?sku=WIDGET&qty=1").statusCode() == 200
                        && get("/system/console/patches.json").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            LockSupport.parkNanos(POLL_NANOS); // the interval of this deadline-bounded poll
        }
        throw new AssertionError("the container did not answer within " + START + "; it printed:\n" + started);
    }

    /** A GET, with the console's login for console paths. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a jar as the body, with the console's login and CSRF token, as docs/webconsole.md shows. */
    HttpResponse<String> postJar(String pathAndQuery, Path jar) throws IOException, InterruptedException {
        String token = get("/system/console/patches.json").headers().firstValue("X-Patchbay-Token")
                .orElseThrow(() -> new AssertionError("no X-Patchbay-Token header"));
        return http.send(request(pathAndQuery).header("X-Patchbay-Token", token)
                .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofFile(jar))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(COMMAND);
        if (pathAndQuery.startsWith("/system/console")) {
            String password = Files.readString(data.resolve("console-password")).strip();
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /**
     * Sends the example's traffic of the README's loop: {@code calls: 300 X-Tenant=tenant-{i%300}
     * /pricing/quote?sku=WIDGET&qty={i%100+1}}, for i from 1 to the count; a header is optional.
     */
    void calls(String spec) throws IOException, InterruptedException {
        String[] words = spec.trim().split("\\s+");
        int count = Integer.parseInt(words[0]);
        String header = words.length > 2 ? words[1] : null;
        String path = words[words.length - 1];
        for (int i = 1; i <= count; i++) {
            HttpRequest.Builder request = request(counted(path, i)).GET();
            if (header != null) {
                String[] pair = counted(header, i).split("=", 2);
                request.header(pair[0], pair[1]);
            }
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static final Pattern COUNTED = Pattern.compile("\\{i(?:%(\\d+))?(?:\\+(\\d+))?\\}");

    /** {@code {i}}, {@code {i%100}}, {@code {i%100+1}} replaced with their value for this i. */
    private static String counted(String text, int i) {
        return COUNTED.matcher(text).replaceAll(m -> {
            int value = m.group(1) == null ? i : i % Integer.parseInt(m.group(1));
            return Integer.toString(value + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
        });
    }

    /**
     * Types a command, and once it printed its first line (a trace saying what it waits for), sends one GET per
     * comma-separated path of {@code paths}; answers the session as {@link Terminal#type} does.
     */
    String typeWithCalls(String command, String paths) throws IOException, InterruptedException {
        terminal.typeOnly(command);
        terminal.awaitLines(2, COMMAND); // the echoed command and the first line of its output
        for (String path : paths.split(",")) {
            http.send(request(path.trim()).GET().build(), HttpResponse.BodyHandlers.discarding());
        }
        return Terminal.PROMPT + terminal.awaitPrompt(COMMAND);
    }

    /**
     * Starts a hawkBit DDI stub ({@link DdiStub}) serving one deployment: {@code <action id> <jar> <module> <version>};
     * {@code {ddi}} in a {@code config:} directive is its URL, shown in the doc as {@code http://127.0.0.1:8081}.
     */
    void serveDdi(String spec, Path root) throws IOException {
        String[] words = spec.trim().split("\\s+");
        ddi = DdiStub.serving(Long.parseLong(words[0]), root.resolve(words[1]), words[2], words[3]);
        masks.alias("127.0.0.1:" + ddi.port(), "127.0.0.1:8081");
    }

    /** Writes {@code <data>/etc/<pid>.cfg} from {@code pid key=value,key=value}, as an operator would. */
    void configure(String spec) throws IOException {
        String[] parts = (ddi == null ? spec : spec.replace("{ddi}", ddi.url())).trim().split("\\s+", 2);
        Path file = data.resolve("etc").resolve(parts[0] + ".cfg");
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Arrays.stream(parts[1].split(",")).map(String::trim).toList());
    }

    /**
     * Types {@code command} until its output contains {@code text} (a state that comes by itself, such as the
     * fleet agent's first failed poll), with a deadline.
     */
    void awaitOutput(String command, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = terminal.type(command, COMMAND);
            if (last.contains(text)) {
                return;
            }
            LockSupport.parkNanos(POLL_NANOS * 2); // the interval of this deadline-bounded poll
        }
        throw new AssertionError(command + " never printed '" + text + "'; last:\n" + last);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            terminal.stop(Duration.ofSeconds(30));
        } finally {
            if (ddi != null) {
                ddi.close();
            }
            terminal.close();
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
