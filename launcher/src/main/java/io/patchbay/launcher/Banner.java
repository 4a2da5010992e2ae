package io.patchbay.launcher;

import java.io.PrintStream;
import java.util.Optional;

/**
 * The few lines printed at start-up (once the framework has started; with a terminal, just before, so that they
 * come before Gogo's prompt): where to go, how to log in. Never the password, only the file that holds it. Before
 * them, a warning when HTTP is reachable from other machines.
 */
final class Banner {

    private Banner() {
    }

    static void print(LauncherConfig config, ConsolePassword password, BundleSync.Result sync, String state) {
        print(System.out, config, password, sync, state);
    }

    /**
     * The warning for HTTP on an address other machines can reach: the console's basic auth sends user and
     * password with every request, readable by anyone on the path unless it goes over TLS.
     */
    static void warnIfExposed(LauncherConfig config) {
        exposureWarning(config).ifPresent(warning -> {
            System.err.println(warning);
            System.err.flush();
        });
    }

    static Optional<String> exposureWarning(LauncherConfig config) {
        if (config.loopbackOnly()) {
            return Optional.empty();
        }
        String where = "HTTP listens on " + config.httpHost() + ":" + config.httpPort()
                + ", which other machines can reach";
        if (config.https().isPresent()) {
            return Optional.of("Warning: " + where + " besides HTTPS on port " + config.https().get().port()
                    + ": log in to the web console over https:// only; over http:// its basic auth (user and "
                    + "password) travels in clear text.");
        }
        return Optional.of("Warning: " + where + ", without TLS: the web console's basic auth (user and password) "
                + "travels in clear text. Configure HTTPS (" + LauncherConfig.HTTPS_PORT.property() + " and "
                + LauncherConfig.KEYSTORE.property() + ", see the README) or bind to 127.0.0.1 ("
                + LauncherConfig.HOST.property() + ").");
    }

    static void print(PrintStream out, LauncherConfig config, ConsolePassword password, BundleSync.Result sync,
            String state) {
        String base = config.baseUrl();
        String where = password.file().map(file -> "password in " + file)
                .orElse("password as configured (" + LauncherConfig.PASSWORD.property() + " / "
                        + LauncherConfig.PASSWORD.env() + ")");
        StringBuilder text = new StringBuilder();
        text.append("Patchbay ").append(state).append(", data folder ").append(config.dataDir());
        if (sync.installed() + sync.updated() + sync.removed() > 0) {
            text.append(" (bundles: ").append(sync.installed()).append(" installed, ").append(sync.updated())
                    .append(" updated, ").append(sync.removed()).append(" removed)");
        }
        text.append(System.lineSeparator());
        text.append("  Web console: ").append(base).append("/system/console  user ")
                .append(FrameworkProperties.CONSOLE_USER_NAME).append(", ").append(where)
                .append(System.lineSeparator());
        config.secureBaseUrl().ifPresent(secure -> text.append("  Over TLS:    ").append(secure)
                .append("/system/console").append(System.lineSeparator()));
        text.append("  Pricing:     ").append(base).append("/pricing/quote?sku=WIDGET&qty=10");
        out.println(text);
        out.flush();
    }
}
