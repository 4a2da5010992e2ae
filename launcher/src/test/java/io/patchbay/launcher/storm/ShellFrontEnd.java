package io.patchbay.launcher.storm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * The Gogo shell over SSH, one session per operator, logged in with the operator's key: every command is one
 * {@code exec} channel, as {@code ssh host patch:revert ...} runs it; a non-zero exit status is a refusal, its
 * sentence on the error stream. The ledger's actor is {@code ssh:<user>}.
 */
public final class ShellFrontEnd implements FrontEnd {

    private final String user;
    private final ClientSession session;
    private final Duration timeout;

    private ShellFrontEnd(String user, ClientSession session, Duration timeout) {
        this.user = user;
        this.session = session;
        this.timeout = timeout;
    }

    public static ShellFrontEnd login(SshClient client, int port, String user, KeyPair key, Duration timeout)
            throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", port).verify(timeout).getSession();
        session.addPublicKeyIdentity(key);
        session.auth().verify(timeout);
        return new ShellFrontEnd(user, session, timeout);
    }

    @Override
    public String name() {
        return "ssh:" + user;
    }

    @Override
    public String actor() {
        return "ssh:" + user;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.allOf(Action.class);
    }

    @Override
    public Answer run(Action action, StormSlot slot, String target, String tag) throws IOException {
        String reason = " -r '" + tag + "' ";
        String id = "'" + slot.id() + "'";
        String command = switch (action) {
            case APPLY -> "patch:apply" + reason + (slot.applyNamesSlot() ? "--slot " + id + " " : "") + target;
            case REVERT -> "patch:revert" + reason + id;
            case ACTIVATE -> "patch:activate" + reason + id + " " + target;
            case CANARY -> "patch:canary -s " + id + " --judge minStepMillis=600000" + reason + target;
            case PROMOTE -> "patch:promote" + reason + id;
            case HOLD -> "patch:hold" + reason + id;
        };
        Exec answer = exec(command);
        if (answer.status() != 0) {
            return new Answer(Outcome.REFUSED, answer.err().strip());
        }
        return new Answer(outcome(action, answer.out()), answer.out().strip());
    }

    /** A change prints "from -> to"; asking for what is so prints the manager's sentence; hold prints the canary. */
    static Outcome outcome(Action action, String output) {
        return switch (action) {
            case CANARY -> Outcome.CHANGED;
            case HOLD -> Outcome.UNKNOWN;
            default -> output.contains(" -> ") ? Outcome.CHANGED : Outcome.UNCHANGED;
        };
    }

    /** Runs a command that is no operation (bundle stop and start); its output, or the failure. */
    public String command(String command) throws IOException {
        Exec answer = exec(command);
        if (answer.status() != 0) {
            throw new IOException(command + " failed (exit status " + answer.status() + "): " + answer.err());
        }
        return answer.out();
    }

    /** A command's exit status, output and error output. */
    private record Exec(int status, String out, String err) {
    }

    /**
     * One exec channel: a command's log lines that the shell routes to the session's error stream are no failure
     * (MINA's {@code executeRemoteCommand} would call them one), the exit status is.
     */
    private Exec exec(String command) throws IOException {
        try (ChannelExec channel = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            if (!channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout).contains(ClientChannelEvent.CLOSED)) {
                throw new IOException("No answer within " + timeout.toSeconds() + " s to " + command);
            }
            Integer status = channel.getExitStatus();
            if (status == null) {
                throw new IOException("No exit status for " + command + ": " + err.toString(StandardCharsets.UTF_8));
            }
            return new Exec(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        session.close();
    }
}
