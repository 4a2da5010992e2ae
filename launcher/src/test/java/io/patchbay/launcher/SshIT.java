package io.patchbay.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The SSH shell of the real launcher, driven by MINA's SSH client: nothing listens until {@code etc/} holds its
 * configuration; then the authorized key logs in (under the user its comment names, and only that one), a stranger's
 * key does not; {@code patch:apply} and {@code patch:revert} over SSH record {@code ssh:alice} as the ledger's
 * actor; the interactive shell echoes over a PTY and {@code exit} ends the session, not the container.
 */
public class SshIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SSH = Duration.ofSeconds(30);

    private static Path jar;
    private static Path fix;
    private Path data;
    private LauncherProcess launcher;
    private SshClient client;

    @BeforeClass
    public static void copyJars() throws IOException {
        jar = TestResources.privateCopy("patchbay.jar", "target/patchbay.jar", "patchbay-ssh-");
        fix = TestResources.privateCopy("patchbay.fix.jar", null, "fix-");
    }

    @AfterClass
    public static void deleteJars() throws IOException {
        Files.deleteIfExists(jar);
        Files.deleteIfExists(fix);
    }

    @Before
    public void startClient() throws IOException {
        data = Files.createTempDirectory("patchbay-ssh-data-");
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> true); // the host key file is checked below
        client.start();
    }

    @After
    public void stopAll() throws Exception {
        client.stop();
        if (launcher != null) {
            launcher.close();
        }
        TestResources.deleteTree(data);
    }

    @Test
    public void keysLogInTheLedgerNamesTheSshUserAndNothingListensUntilConfigured() throws Exception {
        int http = TestResources.freePort();
        int ssh = TestResources.freePort();
        launcher = LauncherProcess.start(jar, data, http);
        assertTrue(launcher.output(), launcher.awaitLine(line -> line.startsWith("  Shell:       no terminal attached;"
                + " for the Gogo shell over SSH create " + data.resolve("etc/io.patchbay.ssh.cfg")), START));
        assertNothingListens(ssh);

        KeyPair alice = ecKey();
        Files.writeString(data.resolve("etc/authorized_keys"),
                PublicKeyEntry.toString(alice.getPublic()) + " alice@laptop\n");
        Files.writeString(data.resolve("etc/io.patchbay.ssh.cfg"), "port = " + ssh + "\n");
        assertTrue(launcher.output(), launcher.awaitLine(line -> line.contains("SSH shell listening on 127.0.0.1:"
                + ssh), START));
        Path hostKey = data.resolve("ssh_host_key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hostKey)));

        assertRefused("alice", ecKey(), ssh);
        assertRefused("bob", alice, ssh); // alice's key logs in only as alice
        try (ClientSession session = login("alice", alice, ssh)) {
            String list = session.executeRemoteCommand("patch:list");
            assertTrue(list, list.contains(ConsoleApi.SLOT));
            String applied = session.executeRemoteCommand("patch:apply " + fix);
            assertTrue(applied, applied.contains("com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1"));
            session.executeRemoteCommand("patch:revert -r 'back out' 1");
            IOException failed = assertThrows(IOException.class,
                    () -> session.executeRemoteCommand("patch:revert nosuch"));
            assertTrue(failed.getMessage(), failed.getMessage().contains("No slot matches 'nosuch'"));
            assertInteractiveShell(session);
        }
        String password = Files.readString(data.resolve("console-password")).strip();
        List<JsonNode> ledger = new ConsoleApi("http://127.0.0.1:" + http, password).ledger();
        assertEquals(ledger.toString(), List.of("apply ssh:alice", "revert ssh:alice"),
                ledger.stream().map(entry -> entry.get("action").asText() + " " + entry.get("actor").asText())
                        .toList());
        String hostKeyBefore = Files.readString(hostKey);

        Files.delete(data.resolve("etc/io.patchbay.ssh.cfg"));
        assertTrue(launcher.output(), launcher.awaitLine(line -> line.contains("SSH shell on 127.0.0.1:" + ssh
                + " stopped"), START));
        assertNothingListens(ssh);
        assertEquals("the host key is kept", hostKeyBefore, Files.readString(hostKey));

        assertTrue(launcher.output(), writeUntilSeen(launcher, data.resolve("etc/io.patchbay.ssh.cfg"),
                "port = " + http + "\n", line -> line.endsWith("The SSH shell cannot listen on 127.0.0.1:" + http
                        + " (Address already in use); set another port or address in io.patchbay.ssh.")));
        assertFalse("one sentence, no stack trace: " + launcher.output(),
                launcher.output().lines().anyMatch(line -> line.startsWith("\tat ") || line.contains("Exception")));
        launcher.terminate();
        assertEquals(launcher.output(), 0, launcher.awaitExit(START));
    }

    /**
     * Writes a configuration file whose previous version was just deleted, and waits for {@code expected}.
     * FileInstall handles the deletion of a configuration asynchronously, and when it does, deletes the file of
     * that configuration if there is one (its configuration save, on by default): a file written again before
     * that is deleted with it. So the file is written again whenever it is gone, until the line comes.
     */
    private static boolean writeUntilSeen(LauncherProcess launcher, Path file, String content,
            Predicate<String> expected) throws IOException, InterruptedException {
        long end = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < end && launcher.isAlive()) {
            if (!Files.exists(file)) {
                Files.writeString(file, content);
            }
            if (launcher.awaitLine(expected, Duration.ofSeconds(5))) {
                return true;
            }
        }
        return false;
    }

    /** A PTY session: what is typed is echoed, results print with CR LF, exit ends the session only. */
    private static void assertInteractiveShell(ClientSession session) throws IOException {
        try (ChannelShell shell = session.createShellChannel()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            shell.setUsePty(true);
            shell.setIn(new ByteArrayInputStream("patch:list\rexit\r".getBytes(StandardCharsets.UTF_8)));
            shell.setOut(out);
            shell.setErr(out);
            shell.open().verify(SSH);
            assertTrue(out.toString(StandardCharsets.UTF_8), shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    SSH).contains(ClientChannelEvent.CLOSED));
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text, text.contains("logged in as alice"));
            assertTrue(text, text.contains("g! patch:list\r\n"));
            assertTrue(text, text.contains(ConsoleApi.SLOT + "  "));
            assertTrue(text, text.contains("g! exit\r\n"));
            assertEquals(text, Integer.valueOf(0), shell.getExitStatus());
        }
    }

    private ClientSession login(String user, KeyPair key, int port) throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", port).verify(SSH).getSession();
        session.addPublicKeyIdentity(key);
        session.auth().verify(SSH);
        return session;
    }

    private void assertRefused(String user, KeyPair key, int port) throws IOException {
        SshException refused = assertThrows(SshException.class, () -> login(user, key, port).close());
        assertTrue(refused.getMessage(), refused.getMessage().contains("No more authentication methods"));
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static void assertNothingListens(int port) {
        assertThrows(ConnectException.class, () -> connect(port));
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        }
    }
}
