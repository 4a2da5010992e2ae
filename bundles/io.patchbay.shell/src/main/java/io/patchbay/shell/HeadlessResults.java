package io.patchbay.shell;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Prints what a {@code patch:*} command returns where the shell would throw it away. The commands return DTOs and
 * leave the printing to the console, as Gogo intends; Apache Karaf's console does print them, but its headless
 * sessions (the SSH exec channel behind {@code bin/client <command>}, {@code bin/client -b} and
 * {@code ssh -p 8101 host <command>}) only execute the line and discard the result. Such a session is a Karaf one
 * ({@code .session} is set) without a line reader ({@code .jline.reader}); there, the result goes to the session's
 * console through the converters, exactly as the interactive console lays it out. Anywhere else this does nothing.
 */
@Component(service = CommandSessionListener.class)
public class HeadlessResults implements CommandSessionListener {

    static final String SCOPE = "patch:";

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        // nothing to do before
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        if (result != null && headless(session) && command.toString().strip().startsWith(SCOPE)) {
            session.getConsole().println(session.format(result, Converter.INSPECT));
        }
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        // Karaf reports failures itself
    }

    /** A Karaf session that reads no lines from a terminal: nobody prints what a command returns. */
    static boolean headless(CommandSession session) {
        return session.get(".session") != null && session.get(".jline.reader") == null;
    }
}
