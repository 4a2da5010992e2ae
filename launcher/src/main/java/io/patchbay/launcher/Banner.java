package io.patchbay.launcher;

import java.io.PrintStream;

/**
 * The few lines printed at start-up (once the framework has started; with a terminal, just before, so that they
 * come before Gogo's prompt): where to go, how to log in. Never the password, only the file that holds it.
 */
final class Banner {

    private Banner() {
    }

    static void print(LauncherConfig config, ConsolePassword password, BundleSync.Result sync, String state) {
        print(System.out, config, password, sync, state);
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
        text.append("  Pricing:     ").append(base).append("/pricing/quote?sku=WIDGET&qty=10");
        out.println(text);
        out.flush();
    }
}
