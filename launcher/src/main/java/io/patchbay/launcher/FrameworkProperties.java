package io.patchbay.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * The Felix framework properties that the launcher sets. Bundles read them through
 * {@code BundleContext.getProperty}, so they configure the HTTP server and the web console too.
 */
final class FrameworkProperties {

    /** Persistent bundle cache: never cleaned, so installed bundles and their states survive restarts. */
    static final String STORAGE = "org.osgi.framework.storage";
    /** Felix HTTP (http.jetty 5.1.x, {@code JettyConfig.FELIX_HTTP_PORT}). */
    static final String HTTP_PORT = "org.osgi.service.http.port";
    /** Felix HTTP (http.jetty 5.1.x, {@code JettyConfig.FELIX_HOST}): the address Jetty binds to. */
    static final String HTTP_HOST = "org.apache.felix.http.host";
    /** Felix HTTP Jetty's HTTPS settings (http.jetty 5.1.x, {@code JettyConfig}). */
    static final String HTTPS_ENABLE = "org.apache.felix.https.enable";
    static final String HTTPS_PORT = "org.osgi.service.http.port.secure";
    static final String KEYSTORE = "org.apache.felix.https.keystore";
    static final String KEYSTORE_PASSWORD = "org.apache.felix.https.keystore.password";
    static final String KEY_PASSWORD = "org.apache.felix.https.keystore.key.password";
    static final String CONSOLE_USER = "felix.webconsole.username";
    /**
     * The web console's starting password, until its configuration from ConfigAdmin arrives (see
     * {@link ConsoleConfiguration}): a hash no password has, so the console refuses every login in that instant
     * instead of accepting its built-in admin/admin. The real password is never a framework property.
     */
    static final String CONSOLE_PASSWORD = "felix.webconsole.password";
    /** The data folder, for bundles that keep files there (the SSH shell's host key and authorized keys). */
    static final String DATA = "patchbay.data";
    /** Gogo shell arguments: without a terminal, an interactive Gogo reads end-of-input and stops the framework. */
    static final String GOSH_ARGS = "gosh.args";

    static final String CACHE_DIR = "felix-cache";
    /** Configuration files ({@code <pid>.cfg}) that Felix FileInstall turns into ConfigAdmin configurations. */
    static final String ETC_DIR = "etc";
    static final String CONSOLE_USER_NAME = "admin";

    private FrameworkProperties() {
    }

    static Map<String, String> build(LauncherConfig config, boolean interactive) {
        Map<String, String> properties = new HashMap<>();
        properties.put(STORAGE, config.dataDir().resolve(CACHE_DIR).toString());
        properties.put(DATA, config.dataDir().toString());
        // everything but the patch manager and SCR (level 1) and EventAdmin (3) starts at level 2 (see BundleSync)
        properties.put("org.osgi.framework.startlevel.beginning", Integer.toString(BundleSync.LAST_LEVEL));
        properties.put("felix.startlevel.bundle", Integer.toString(BundleSync.APPLICATION_LEVEL));
        properties.put(HTTP_PORT, Integer.toString(config.httpPort()));
        properties.put(HTTP_HOST, config.httpHost());
        properties.put(CONSOLE_USER, CONSOLE_USER_NAME);
        properties.put(CONSOLE_PASSWORD, PasswordHash.unusable());
        // <data>/etc/<pid>.cfg, as Karaf's etc/: only configuration files, never bundles dropped there
        properties.put("felix.fileinstall.dir", config.dataDir().resolve(ETC_DIR).toString());
        properties.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.log.level", "2");
        config.https().ifPresent(https -> {
            // Felix HTTP reads these only as framework properties (or its own ConfigAdmin PID), so the keystore
            // passwords are readable by every bundle: protect the keystore file itself
            properties.put(HTTPS_ENABLE, "true");
            properties.put(HTTPS_PORT, Integer.toString(https.port()));
            properties.put(KEYSTORE, https.keystore().toString());
            https.keystorePassword().ifPresent(value -> properties.put(KEYSTORE_PASSWORD, value));
            https.keyPassword().ifPresent(value -> properties.put(KEY_PASSWORD, value));
        });
        if (!interactive && System.getProperty(GOSH_ARGS) == null) {
            properties.put(GOSH_ARGS, "--nointeractive");
        }
        return properties;
    }

    /**
     * Logging defaults for the embedded libraries, as JVM system properties since slf4j-simple reads nothing else:
     * warnings and errors only, so Jetty's INFO lines do not drown the banner. An explicit -D wins.
     */
    static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }
}
