package io.patchbay.bench;

import io.patchbay.bench.calls.CallOverheadRun;
import io.patchbay.bench.canary.CanaryBench;
import io.patchbay.bench.fleet.FleetScale;
import io.patchbay.bench.fragment.FragmentRefresh;
import io.patchbay.bench.report.Report;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.retire.Retirement;
import io.patchbay.bench.scale.Scale;
import io.patchbay.bench.startup.StartUp;
import io.patchbay.bench.storm.StormBench;
import io.patchbay.bench.swap.SwapCompletion;
import io.patchbay.bench.swap.SwapUnderLoad;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code java -jar bench/target/bench.jar full|smoke [--only part,...] [--out folder] [--swaps n]
 * [--threads n,...] [--ways way,...] [--cycles n] [--rounds n] [--storm-seconds n]}, from the checkout's root. Parts:
 * calls, canary, judge, swap, completion, retire, scale, fragment, startup, and only when named fleet (it starts a
 * hawkBit server) and storm (a real launcher under an operator storm, {@code --storm-seconds}, default 300); ways:
 * patchbay, update, beside, replace; {@code --threads},
 * {@code --swaps} and {@code --ways} narrow the swap benchmark, {@code --cycles} sets the fragment benchmark's
 * cycles, {@code --rounds} the start-up rounds. Writes {@code <run>.md} and {@code <run>.json} (full:
 * {@code bench/results}, smoke: {@code bench/target/smoke}) and prints the tables; a run of only some parts is
 * named after them ({@code full-startup.md}), so it never overwrites the results of a whole run.
 * {@code -Dbench.felix.<name>=<value>} sets a framework property in every embedded Felix.
 */
public final class Main {

    public static final List<String> PARTS = List.of("calls", "canary", "judge", "swap", "completion", "retire", "scale",
            "fragment", "startup");
    /** Parts that run only when {@code --only} names them. */
    public static final List<String> ON_REQUEST = List.of("fleet", "storm");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("Usage: java -jar bench/target/bench.jar full|smoke [--only " + String.join(",",
                    Stream.concat(PARTS.stream(), ON_REQUEST.stream()).toList())
                    + "] [--out folder] [--swaps n] [--threads n,...] [--ways " + String.join(",",
                            SwapUnderLoad.Settings.ALL) + "] [--cycles n] [--rounds n] [--storm-seconds n]");
            System.exit(2);
        }
        Profile profile = Profile.named(args[0]);
        SwapUnderLoad.Settings swap = profile.swap();
        FragmentRefresh.Settings fragment = profile.fragment();
        StartUp.Settings startup = profile.startup();
        Set<String> only = new LinkedHashSet<>(PARTS);
        Path out = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--only" -> only = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                case "--out" -> out = Path.of(value);
                case "--swaps" -> swap = new SwapUnderLoad.Settings(Integer.parseInt(value), swap.threads(),
                        swap.settleMillis(), swap.warmupMillis(), swap.ways());
                case "--threads" -> swap = new SwapUnderLoad.Settings(swap.swaps(),
                        Arrays.stream(value.split(",")).map(Integer::valueOf).toList(), swap.settleMillis(),
                        swap.warmupMillis(), swap.ways());
                case "--ways" -> swap = new SwapUnderLoad.Settings(swap.swaps(), swap.threads(), swap.settleMillis(),
                        swap.warmupMillis(), List.of(value.split(",")));
                case "--cycles" -> fragment = fragment.withCycles(Integer.parseInt(value));
                case "--rounds" -> startup = startup.withRounds(Integer.parseInt(value));
                case "--storm-seconds" -> System.setProperty(StormBench.SECONDS,
                        Long.toString(Long.parseLong(value)));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        run(profile.withSwap(swap).withFragment(fragment).withStartup(startup), only, out);
        System.exit(0); // JMH and Felix may leave non-daemon threads behind
    }

    /** Runs the parts of {@code profile} named in {@code only}; writes and prints the report. */
    public static Report run(Profile profile, Set<String> only, Path out) throws Exception {
        Artifacts artifacts = Artifacts.locate();
        Path folder = out != null ? out : System.getProperty("patchbay.bench.out") != null
                ? Path.of(System.getProperty("patchbay.bench.out"))
                : artifacts.root().resolve(profile.name().equals("full") ? "bench/results" : "bench/target/smoke");
        List<String> parts = Stream.concat(PARTS.stream(), ON_REQUEST.stream()).filter(only::contains).toList();
        String name = parts.equals(PARTS) ? profile.name() : profile.name() + "-" + String.join("-", parts);
        Report report = new Report(name, Machine.describe(artifacts.root()));
        long start = System.nanoTime();
        for (String part : parts) {
            System.out.println("== " + part);
            long partStart = System.nanoTime();
            for (Section section : part(part, profile, artifacts)) {
                report.add(section);
                System.out.println(section.markdown());
            }
            System.out.printf("   (%s took %.0f s)%n", part, (System.nanoTime() - partStart) / 1e9);
        }
        Section targets = Targets.of(report);
        if (!targets.table().rows().isEmpty()) { // none of the parts run has a target (startup alone)
            report.addFirst(targets);
            System.out.println(targets.markdown());
        }
        Path file = report.write(folder);
        System.out.printf("%nWrote %s and its .json in %.0f s%n", file, (System.nanoTime() - start) / 1e9);
        return report;
    }

    private static List<Section> part(String part, Profile p, Artifacts artifacts) throws Exception {
        return switch (part) {
            case "calls" -> List.of(new CallOverheadRun(p.jmh()).run());
            case "canary" -> new CanaryBench(p.jmh(), p.name()).callCost();
            case "judge" -> new CanaryBench(p.jmh(), p.name()).judge();
            case "swap" -> new SwapUnderLoad(artifacts, p.swap()).run();
            case "completion" -> List.of(new SwapCompletion(artifacts, p.completionSwitches(),
                    p.completionFullApplies()).run());
            case "retire" -> List.of(new Retirement(artifacts, p.retireCycles(), p.retireWarmup()).run());
            case "scale" -> List.of(new Scale(artifacts, p.scaleSlots(), p.scaleConsumers(), p.scaleApplies()).run());
            case "fragment" -> List.of(new FragmentRefresh(artifacts, p.fragment()).run());
            case "startup" -> new StartUp(artifacts, p.startup()).run();
            case "fleet" -> new FleetScale(artifacts, FleetScale.Settings.of(p.name())).run();
            case "storm" -> new StormBench(artifacts, p.name()).run();
            default -> throw new IllegalArgumentException("Unknown part " + part + "; parts: " + PARTS + ", "
                    + ON_REQUEST);
        };
    }
}
