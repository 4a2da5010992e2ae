package io.patchbay.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Function;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH channel's Gogo session: the interactive shell ({@code ssh -p 8101 alice@host}) or one command line
 * ({@code ssh -p 8101 alice@host patch:list}), each on a thread of its own. The session's variable
 * {@value #ACTOR_VARIABLE} is {@code ssh:<user>}, which the patch commands record as the ledger's actor. Results
 * and errors are printed as Gogo's own console prints them; {@code exit} and {@code logout} end the SSH session
 * only, never the container. A command line's exit status is 0, or 1 when it failed.
 */
final class GogoChannel implements Command {

    /** The session variable that the patch commands take the ledger's actor from (see io.patchbay.shell). */
    static final String ACTOR_VARIABLE = "PATCHBAY_ACTOR";

    private static final String PROMPT = "g! ";

    private final CommandProcessor processor;
    private final String commandLine;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile boolean closed;
    private volatile Thread thread;

    /** @param commandLine the line to run, {@code null} for the interactive shell */
    GogoChannel(CommandProcessor processor, String commandLine) {
        this.processor = processor;
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        String user = channel.getSession().getUsername();
        Map<PtyMode, Integer> modes = env.getPtyModes();
        boolean terminal = env.getEnv().containsKey(Environment.ENV_TERM) || !modes.isEmpty();
        boolean echo = terminal && modes.getOrDefault(PtyMode.ECHO, 1) != 0;
        Thread running = new Thread(() -> run(user, terminal, echo), "patchbay-ssh-" + user);
        running.setDaemon(true);
        thread = running;
        running.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        closed = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt(); // a read of the channel's input ends with an InterruptedIOException
        }
    }

    private void run(String user, boolean terminal, boolean echo) {
        PrintStream console = new PrintStream(new TerminalOutput(out, terminal), true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(new TerminalOutput(err, terminal), true, StandardCharsets.UTF_8);
        int status = 0;
        try (CommandSession session = processor.createSession(in, console, errors)) {
            session.put(ACTOR_VARIABLE, "ssh:" + user);
            Function leave = (ignored, arguments) -> {
                closed = true;
                return null;
            };
            session.put("exit", leave);
            session.put("logout", leave);
            if (commandLine == null) {
                console.println("Patchbay shell over SSH, logged in as " + user + ". Type patch for the patch commands,"
                        + " exit to leave.");
                interact(session, new LineEditor(in, echo ? console : null), console);
            } else {
                status = execute(session, commandLine, console, errors);
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                errors.println("patchbay-ssh: " + e);
                status = 1;
            }
        } finally {
            console.flush();
            errors.flush();
            exit.onExit(status);
        }
    }

    private void interact(CommandSession session, LineEditor editor, PrintStream console) throws IOException {
        while (!closed) {
            console.print(PROMPT);
            String line = editor.readLine();
            if (line == null) {
                return;
            }
            if (!line.isBlank()) {
                execute(session, line, console, console);
            }
        }
    }

    /** Runs one line; prints its result or its error as Gogo's console does; answers the exit status. */
    private static int execute(CommandSession session, String line, PrintStream out, PrintStream err) {
        try {
            Object result = session.execute(line);
            session.put("_", result);
            if (result != null && !Boolean.FALSE.equals(session.get(".Gogo.format"))) {
                out.println(session.format(result, Converter.INSPECT));
            }
            return 0;
        } catch (Exception e) {
            session.put("exception", e);
            Object location = session.get(".location");
            String where = location == null || !location.toString().contains(":") ? "gogo" : location.toString();
            err.println(where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }
}
