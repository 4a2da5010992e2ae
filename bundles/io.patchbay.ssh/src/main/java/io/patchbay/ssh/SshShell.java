package io.patchbay.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The SSH server of the Gogo shell. It runs only while configured (PID {@value SshConfiguration#PID}); a changed
 * configuration restarts it, a deleted one stops it. Logins are by public key only (no password, no
 * keyboard-interactive): {@link AuthorizedKeys}. The host key is generated on the first start and kept in a file
 * readable by its owner only. Each channel gets a {@link GogoChannel}.
 * <p>
 * A configuration it cannot serve (a port in use or out of range, an address that does not resolve, a bad path) is
 * reported in one sentence, without a stack trace, and nothing listens.
 */
@Component(configurationPid = SshConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class SshShell {

    private static final Logger LOG = Logger.getLogger(SshShell.class.getName());

    private final SshServer server;

    @Activate
    public SshShell(BundleContext context, SshConfiguration configuration,
            @Reference(policy = ReferencePolicy.STATIC) CommandProcessor processor) {
        SshServer listening = null;
        try {
            listening = listen(dataFolder(context), configuration, processor);
        } catch (IllegalArgumentException | IOException refused) {
            LOG.log(Level.SEVERE, refused.getMessage());
        }
        server = listening;
    }

    @Deactivate
    void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            LOG.log(Level.INFO, "SSH shell on {0}:{1,number,#} stopped",
                    new Object[] {server.getHost(), server.getPort()});
        }
    }

    private static SshServer listen(Path data, SshConfiguration configuration, CommandProcessor processor)
            throws IOException {
        AuthorizedKeys keys = new AuthorizedKeys(path(configuration.authorizedKeys(),
                data.resolve("etc").resolve("authorized_keys"), "authorizedKeys"));
        Path hostKey = path(configuration.hostKey(), data.resolve("ssh_host_key"), "hostKey");
        ensureFree(configuration.host(), configuration.port());
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(configuration.host());
        server.setPort(configuration.port());
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKey);
        hostKeys.setOverwriteAllowed(false); // an unreadable key is reported, not silently replaced
        server.setKeyPairProvider(hostKeys);
        server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.setPublickeyAuthenticator(keys);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setShellFactory(channel -> new GogoChannel(processor, null));
        server.setCommandFactory((channel, line) -> new GogoChannel(processor, line));
        hostKeys.loadKeys(null); // generated now, so the file exists as soon as the shell is up
        start(server, configuration);
        keys.check();
        LOG.log(Level.INFO, "SSH shell listening on {0}:{1,number,#}, keys in {2}",
                new Object[] {configuration.host(), configuration.port(), keys.file()});
        return server;
    }

    /** Refuses a port out of range or in use before MINA logs its own error with a stack trace. */
    private static void ensureFree(String host, int port) throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The SSH shell's port " + port + " is not between 1 and 65535; set"
                    + " another in " + SshConfiguration.PID + ".");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw cannotListen(host, port, e);
        }
    }

    private static IOException cannotListen(String host, int port, IOException cause) {
        return new IOException("The SSH shell cannot listen on " + host + ":" + port + " (" + cause.getMessage()
                + "); set another port or address in " + SshConfiguration.PID + ".", cause);
    }

    private static void start(SshServer server, SshConfiguration configuration) throws IOException {
        // MINA looks some of its parts up through the thread's context class loader: its own bundle's sees them
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SshServer.class.getClassLoader());
        try {
            server.start();
        } catch (IOException e) {
            server.stop(true);
            throw cannotListen(configuration.host(), configuration.port(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The launcher's data folder when it runs us, else this bundle's own data area. */
    private static Path dataFolder(BundleContext context) {
        String data = context.getProperty(SshConfiguration.DATA_PROPERTY);
        return data != null && !data.isBlank() ? Path.of(data) : context.getDataFile("").toPath();
    }

    private static Path path(String configured, Path fallback, String name) {
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        try {
            return Path.of(configured.strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The SSH shell's " + name + " \"" + configured + "\" is not a valid"
                    + " path; set another in " + SshConfiguration.PID + ".", e);
        }
    }
}
