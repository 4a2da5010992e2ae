package io.patchbay.shell;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;

public class HeadlessResultsTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Map<String, Object> variables = new HashMap<>();
    private final CommandSession session = (CommandSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { CommandSession.class }, (proxy, method, args) -> switch (method.getName()) {
                case "get" -> variables.get(args[0]);
                case "getConsole" -> new PrintStream(screen, true, StandardCharsets.UTF_8);
                case "format" -> "formatted " + args[0] + " at level " + args[1];
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    public void aKarafExecSessionGetsThePatchCommandsResultPrinted() {
        variables.put(".session", "karaf headless session");

        new HeadlessResults().afterExecute(session, " patch:list", "slots");

        assertEquals("formatted slots at level 0" + System.lineSeparator(), printed());
    }

    @Test
    public void theInteractiveKarafConsolePrintsResultsItself() {
        variables.put(".session", "karaf console session");
        variables.put(".jline.reader", "line reader");

        new HeadlessResults().afterExecute(session, "patch:list", "slots");

        assertEquals("", printed());
    }

    @Test
    public void felixGogoAndOtherScopesAreLeftAlone() {
        new HeadlessResults().afterExecute(session, "patch:list", "slots");
        variables.put(".session", "karaf headless session");
        new HeadlessResults().afterExecute(session, "bundle:list", "bundles");
        new HeadlessResults().afterExecute(session, "patch:apply x.jar", null);

        assertEquals("", printed());
    }

    private String printed() {
        return screen.toString(StandardCharsets.UTF_8);
    }
}
