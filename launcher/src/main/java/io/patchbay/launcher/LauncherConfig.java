package io.patchbay.launcher;

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
 * </table>
 */
record LauncherConfig(int httpPort, String httpHost, Path dataDir, Optional<String> consolePassword) {

    static final Setting PORT = new Setting("patchbay.http.port", "PATCHBAY_HTTP_PORT");
    static final Setting HOST = new Setting("patchbay.http.host", "PATCHBAY_HTTP_HOST");
    static final Setting DATA = new Setting("patchbay.data", "PATCHBAY_DATA");
    static final Setting PASSWORD = new Setting("patchbay.console.password", "PATCHBAY_CONSOLE_PASSWORD");

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_DATA = "patchbay-data";

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
        int port = port(PORT.value(properties, environment));
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
        return new LauncherConfig(port, host, data, Optional.ofNullable(password));
    }

    private static int port(String value) throws LaunchException {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new LaunchException("The HTTP port \"" + value + "\" is not a number between 1 and 65535; set it with "
                + PORT.howToSet() + ".");
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

    /** The host for URLs shown to the operator: a wildcard address is reached through loopback. */
    String urlHost() {
        String host = "0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? "localhost" : httpHost;
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    String baseUrl() {
        return "http://" + urlHost() + ":" + httpPort;
    }
}
