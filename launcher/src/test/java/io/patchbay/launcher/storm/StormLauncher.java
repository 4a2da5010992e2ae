package io.patchbay.launcher.storm;

import io.patchbay.launcher.Http;
import io.patchbay.launcher.LauncherProcess;
import io.patchbay.launcher.TestResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * A real launcher ({@code java -jar patchbay.jar}) on a fresh data folder, ready for a storm: the console's
 * password set, remote JMX on a free loopback port (no authentication: loopback only, for the test), the SSH
 * shell configured with one key per operator user, and an SSH client to log them in.
 */
public final class StormLauncher implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);

    private final Path data;
    private final int http;
    private final int ssh;
    private final int jmx;
    private final String password;
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final LauncherProcess process;
    private final SshClient client;

    public StormLauncher(Path jar, List<String> users) throws Exception {
        data = Files.createTempDirectory("patchbay-storm-");
        List<Integer> ports = TestResources.freePorts(3);
        http = ports.get(0);
        ssh = ports.get(1);
        jmx = ports.get(2);
        password = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(12));
        Files.createDirectories(data.resolve("etc"));
        StringBuilder authorized = new StringBuilder();
        for (String user : users) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair key = generator.generateKeyPair();
            keys.put(user, key);
            authorized.append(PublicKeyEntry.toString(key.getPublic())).append(' ').append(user).append('\n');
        }
        Files.writeString(data.resolve("etc/authorized_keys"), authorized);
        Files.writeString(data.resolve("etc/io.patchbay.ssh.cfg"), "port = " + ssh + "\n");
        process = LauncherProcess.start(jar, data, http, "-Dpatchbay.console.password=" + password,
                "-Dcom.sun.management.jmxremote.port=" + jmx, "-Dcom.sun.management.jmxremote.rmi.port=" + jmx,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
        if (!process.awaitLine(line -> line.contains("SSH shell listening on 127.0.0.1:" + ssh), START)) {
            throw new IllegalStateException("The launcher did not open its SSH shell:\n" + process.output());
        }
        for (String endpoint : List.of("/pricing/quote", "/v2/pricing/quote")) {
            String url = "http://127.0.0.1:" + http + endpoint + "?sku=WIDGET&qty=10";
            if (Http.await(url, null, null, 200, START, process).status() != 200) {
                throw new IllegalStateException(url + " does not answer:\n" + process.output());
            }
        }
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> true); // our own launcher on loopback
        client.start();
    }

    public ShellFrontEnd shell(String user) throws IOException {
        return ShellFrontEnd.login(client, ssh, user, keys.get(user), Storm.ANSWER);
    }

    public ConsoleFrontEnd console() {
        return new ConsoleFrontEnd(http, password, Storm.ANSWER);
    }

    public JmxFrontEnd jmx() throws IOException {
        return new JmxFrontEnd(jmx);
    }

    public Path data() {
        return data;
    }

    public int httpPort() {
        return http;
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() throws Exception {
        client.stop();
        process.terminate();
        if (process.awaitExit(Duration.ofSeconds(60)) < 0) {
            process.close();
        }
        TestResources.deleteTree(data);
    }
}
