package io.patchbay.bench.fleet;

import io.patchbay.fleet.AgentRuntime;
import io.patchbay.fleet.Configurations;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main of one fleet JVM: {@code count} real fleet agents ({@link AgentRuntime}, the agent's own code), each
 * with its controller id {@code <prefix><n>}, its state folder under {@code folder} and a {@link SimulatedContainer}
 * as its patch manager. Prints each agent event as {@code EVENT <epoch ms> <controller id> <type> <action id>
 * [<reason>]}.
 * Reads commands from standard input: {@code report} prints {@code REPORT <polls answered> <process CPU ns>};
 * {@code stop} (or the end of the input) stops every agent and exits.
 * <p>
 * Arguments: {@code <server url> <gateway token> <folder> <prefix> <first n> <count> <health window ms>}.
 */
public final class SimulatedTargets {

    private SimulatedTargets() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("io.patchbay.fleet").setLevel(Level.WARNING);
        String server = args[0];
        String token = args[1];
        Path folder = Path.of(args[2]);
        String prefix = args[3];
        int first = Integer.parseInt(args[4]);
        int count = Integer.parseInt(args[5]);
        long window = Long.parseLong(args[6]);
        List<AgentRuntime> agents = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            String id = prefix + n;
            SimulatedContainer container = new SimulatedContainer();
            agents.add(AgentRuntime.start(Configurations.of(Map.of("url", server, "controllerId", id,
                    "gatewayToken", token, "healthWindowMs", window, "pollMs", 1_000L, "maxBackoffMs", 4_000L)),
                    container, container, folder.resolve(id), "sim", (type, properties) -> print("EVENT "
                            + System.currentTimeMillis() + " " + id + " " + type + " " + properties.get("actionId")
                            + (properties.containsKey("reason") ? " " + properties.get("reason") : "")),
                    "fleet-" + id));
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("stop");) {
            if (line.equals("report")) {
                long polls = agents.stream().mapToLong(AgentRuntime::polls).sum();
                print("REPORT " + polls + " " + ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime());
            }
        }
        for (AgentRuntime agent : agents) {
            agent.stop();
        }
        System.exit(0);
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
