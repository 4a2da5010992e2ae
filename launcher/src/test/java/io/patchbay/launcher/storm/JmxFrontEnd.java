package io.patchbay.launcher.storm;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The slot MBeans (docs/metrics.md) through the launcher JVM's remote JMX connector on loopback: {@code revert} and
 * {@code activate}, the operations they offer. Asking for what is so answers "...; nothing changed." or "Nothing to
 * ...", anything else is a change; a refusal arrives as an
 * {@code IllegalStateException} with the manager's sentence. The ledger's actor is {@code jmx}.
 */
public final class JmxFrontEnd implements FrontEnd {

    private static final String[] ONE = { String.class.getName() };
    private static final String[] TWO = { String.class.getName(), String.class.getName() };

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    public JmxFrontEnd(int port) throws IOException {
        this.connector = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
        this.server = connector.getMBeanServerConnection();
    }

    @Override
    public String name() {
        return "jmx";
    }

    @Override
    public String actor() {
        return "jmx";
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.REVERT, Action.ACTIVATE);
    }

    @Override
    public Answer run(Action action, StormSlot slot, String target, String tag) throws IOException, JMException {
        ObjectName bean = new ObjectName("io.patchbay:type=slot,name=" + slot.id()); // no character to quote
        try {
            Object answer = action == Action.REVERT ? server.invoke(bean, "revert", new Object[] { tag }, ONE)
                    : server.invoke(bean, "activate", new Object[] { target, tag }, TWO);
            String text = String.valueOf(answer);
            return new Answer(unchanged(text) ? Outcome.UNCHANGED : Outcome.CHANGED, text);
        } catch (RuntimeMBeanException refused) {
            if (refused.getTargetException() instanceof IllegalStateException sentence) {
                return new Answer(Outcome.REFUSED, sentence.getMessage());
            }
            throw refused;
        }
    }

    /** The manager's sentences for asking what is so already ({@code Unchanged}): nothing changed, nothing to do. */
    static boolean unchanged(String sentence) {
        return sentence.endsWith("nothing changed.") || sentence.startsWith("Nothing to ");
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
