package io.patchbay.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The launcher's settings. Each one is read from a system property ({@code -Dname=value}) or, when that is not
 * set, from an environment variable; the system property wins.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>System property</th><th>Environment variable</th><th>Default</th><th>Meaning</th></tr>
 * <tr><td>{@code patchbay.http.port}</td><td>{@code PATCHBAY_HTTP_PORT}</td><td>{@code 8080}</td>
 *     <td>HTTP port of the web console and of the application's servlets (1 to 65535).</td></tr>
 * <tr><td>{@code patchbay.http.host}</td><td>{@code PATCHBAY_HTTP_HOST}</td><td>{@code 127.0.0.1}</td>
 *     <td>Address the HTTP server binds to: only loopback unless configured, e.g. {@code 0.0.0.0}.</td></tr>
 * <tr><td>{@code patchbay.data}</td><td>{@code PATCHBAY_DATA}</td><td>{@code ./patchbay-data}</td>
 *     <td>Data folder: the persistent Felix cache ({@code felix-cache/}), the generated console password
 *     ({@code console-password}), the embedded bundles' hashes and the instance lock.</td></tr>
 * <tr><td>{@code patchbay.console.password}</td><td>{@code PATCHBAY_CONSOLE_PASSWORD}</td><td>generated</td>
 *     <td>Web console password for user {@code admin}. When unset, the first start generates a random one and
 *     stores it, readable by the owner only, in {@code <data>/console-password}; later starts reuse it.</td></tr>
 * <tr><td>{@code patchbay.https.port}</td><td>{@code PATCHBAY_HTTPS_PORT}</td><td>none</td>
 *     <td>Also serve HTTPS (TLS) on this port, on the same host; needs the keystore below.</td></tr>
 * <tr><td>{@code patchbay.https.keystore}</td><td>{@code PATCHBAY_HTTPS_KEYSTORE}</td><td>none</td>
 *     <td>Keystore file (PKCS12 or JKS) with the server's key and certificate.</td></tr>
 * <tr><td>{@code patchbay.https.keystore.password}</td><td>{@code PATCHBAY_HTTPS_KEYSTORE_PASSWORD}</td>
 *     <td>none</td><td>The keystore's password (also the key's, unless the next one is set).</td></tr>
 * <tr><td>{@code patchbay.https.key.password}</td><td>{@code PATCHBAY_HTTPS_KEY_PASSWORD}</td><td>none</td>
 *     <td>The key's password, when it differs from the keystore's.</td></tr>
 * </table>
 */
record LauncherConfig(int httpPort, String httpHost, Path dataDir, Optional<String> consolePassword,
        Optional<Https> https) {

    static final Setting PORT = new Setting("patchbay.http.port", "PATCHBAY_HTTP_PORT");
    static final Setting HOST = new Setting("patchbay.http.host", "PATCHBAY_HTTP_HOST");
    static final Setting DATA = new Setting("patchbay.data", "PATCHBAY_DATA");
    static final Setting PASSWORD = new Setting("patchbay.console.password", "PATCHBAY_CONSOLE_PASSWORD");
    static final Setting HTTPS_PORT = new Setting("patchbay.https.port", "PATCHBAY_HTTPS_PORT");
    static final Setting KEYSTORE = new Setting("patchbay.https.keystore", "PATCHBAY_HTTPS_KEYSTORE");
    static final Setting KEYSTORE_PASSWORD = new Setting("patchbay.https.keystore.password",
            "PATCHBAY_HTTPS_KEYSTORE_PASSWORD");
    static final Setting KEY_PASSWORD = new Setting("patchbay.https.key.password", "PATCHBAY_HTTPS_KEY_PASSWORD");

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_DATA = "patchbay-data";

    /** HTTPS as Felix HTTP Jetty serves it: port, keystore file and passwords (empty when not set). */
    record Https(int port, Path keystore, Optional<String> keystorePassword, Optional<String> keyPassword) {
    }

    /** A setting's two names. */
    record Setting(String property, String env) {

        /** The value, system property first, or {@code null} when neither is set. */
        String value(UnaryOperator<String> properties, Map<String, String> environment) {
            String value = properties.apply(property);
            return value != null ? value : environment.get(env);
        }

        /** How the operator changes it, for messages. */
        String howToSet() {
            return "-D" + property + "=... or " + env;
        }
    }

    static LauncherConfig fromEnvironment() throws LaunchException {
        return from(System::getProperty, System.getenv());
    }

    static LauncherConfig from(UnaryOperator<String> properties, Map<String, String> environment)
            throws LaunchException {
        int port = port(PORT, PORT.value(properties, environment), DEFAULT_PORT);
        String host = text(HOST, HOST.value(properties, environment), DEFAULT_HOST);
        Path data = data(text(DATA, DATA.value(properties, environment), DEFAULT_DATA));
        String password = PASSWORD.value(properties, environment);
        if (password != null && password.isBlank()) {
            throw new LaunchException("The console password is empty; set a non-empty one with "
                    + PASSWORD.howToSet() + ", or unset it to use a generated one.");
        }
        if ("admin".equals(password)) {
            throw new LaunchException("The console password must not be \"admin\"; set another one with "
                    + PASSWORD.howToSet() + ", or unset it to use a generated one.");
        }
        return new LauncherConfig(port, host, data, Optional.ofNullable(password), https(properties, environment));
    }

    private static Optional<Https> https(UnaryOperator<String> properties, Map<String, String> environment)
            throws LaunchException {
        String port = HTTPS_PORT.value(properties, environment);
        String keystore = KEYSTORE.value(properties, environment);
        if (port == null) {
            if (keystore != null) {
                throw new LaunchException("A keystore is set but no HTTPS port; set one with "
                        + HTTPS_PORT.howToSet() + ".");
            }
            return Optional.empty();
        }
        int httpsPort = port(HTTPS_PORT, port, 0);
        if (keystore == null || keystore.isBlank()) {
            throw new LaunchException("HTTPS needs a keystore with the server's key and certificate; set it with "
                    + KEYSTORE.howToSet() + ".");
        }
        Path file;
        try {
            file = Path.of(keystore.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file == null || !Files.isReadable(file)) {
            throw new LaunchException("The keystore " + keystore.strip() + " does not exist or cannot be read; set another with "
                    + KEYSTORE.howToSet() + ".");
        }
        return Optional.of(new Https(httpsPort, file,
                Optional.ofNullable(KEYSTORE_PASSWORD.value(properties, environment)),
                Optional.ofNullable(KEY_PASSWORD.value(properties, environment))));
    }

    private static int port(Setting setting, String value, int fallback) throws LaunchException {
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        String what = setting == PORT ? "HTTP" : "HTTPS";
        throw new LaunchException("The " + what + " port \"" + value + "\" is not a number between 1 and 65535; set "
                + "it with " + setting.howToSet() + ".");
    }

    private static String text(Setting setting, String value, String fallback) throws LaunchException {
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new LaunchException("The setting " + setting.property() + " is empty; set a value with "
                    + setting.howToSet() + ", or unset it for the default \"" + fallback + "\".");
        }
        return value.strip();
    }

    private static Path data(String value) throws LaunchException {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new LaunchException("The data folder \"" + value + "\" is not a valid path; set another with "
                    + DATA.howToSet() + ".");
        }
    }

    /**
     * Whether HTTP listens on a loopback address only ({@code 127.0.0.1}, {@code localhost}, {@code ::1}, ...),
     * so that no other machine can reach it. A name that does not resolve counts as not loopback.
     */
    boolean loopbackOnly() {
        String host = httpHost.startsWith("[") && httpHost.endsWith("]")
                ? httpHost.substring(1, httpHost.length() - 1) : httpHost;
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host for URLs shown to the operator: a wildcard address is reached through loopback. */
    String urlHost() {
        String host = "0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? "localhost" : httpHost;
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    String baseUrl() {
        return "http://" + urlHost() + ":" + httpPort;
    }

    /** The HTTPS base URL, when HTTPS is configured. */
    Optional<String> secureBaseUrl() {
        return https.map(secure -> "https://" + urlHost() + ":" + secure.port());
    }
}
