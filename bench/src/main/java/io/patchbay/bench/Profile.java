package io.patchbay.bench;

import io.patchbay.bench.calls.CallOverheadRun;
import io.patchbay.bench.fragment.FragmentRefresh;
import io.patchbay.bench.startup.StartUp;
import io.patchbay.bench.swap.SwapUnderLoad;
import java.time.Duration;
import java.util.List;

/** How much of everything a run does: {@code full} for the published numbers, {@code smoke} to keep it working. */
public record Profile(String name, CallOverheadRun.Settings jmh, SwapUnderLoad.Settings swap, int completionSwitches,
        int completionFullApplies, int retireCycles, int retireWarmup, List<Integer> scaleSlots, int scaleConsumers,
        int scaleApplies, FragmentRefresh.Settings fragment, StartUp.Settings startup) {

    public static Profile full() {
        return new Profile("full", new CallOverheadRun.Settings(2, 3, 1000, 5, 1000, false),
                new SwapUnderLoad.Settings(500, List.of(1, 4, 16), 2000, 2000, SwapUnderLoad.Settings.ALL), 500, 200, 1000, 50,
                List.of(10, 1000), 10, 50, new FragmentRefresh.Settings(200, List.of(1, 4), 5, 1000, 20),
                new StartUp.Settings(7, 1, Duration.ofSeconds(5)));
    }

    public static Profile smoke() {
        return new Profile("smoke", new CallOverheadRun.Settings(0, 1, 20, 1, 20, true),
                new SwapUnderLoad.Settings(6, List.of(1, 4), 500, 100, SwapUnderLoad.Settings.ALL), 10, 2, 10, 2, List.of(3, 20), 2, 2,
                new FragmentRefresh.Settings(5, List.of(1, 4), 1, 200, 20), new StartUp.Settings(1, 0, Duration.ofSeconds(1)));
    }

    /** This profile with the swap benchmark narrowed or widened from the command line. */
    public Profile withSwap(SwapUnderLoad.Settings narrowed) {
        return new Profile(name, jmh, narrowed, completionSwitches, completionFullApplies, retireCycles, retireWarmup,
                scaleSlots, scaleConsumers, scaleApplies, fragment, startup);
    }

    /** This profile with another number of fragment cycles, from the command line. */
    public Profile withFragment(FragmentRefresh.Settings changed) {
        return new Profile(name, jmh, swap, completionSwitches, completionFullApplies, retireCycles, retireWarmup,
                scaleSlots, scaleConsumers, scaleApplies, changed, startup);
    }

    /** This profile with another number of start-up rounds, from the command line. */
    public Profile withStartup(StartUp.Settings changed) {
        return new Profile(name, jmh, swap, completionSwitches, completionFullApplies, retireCycles, retireWarmup,
                scaleSlots, scaleConsumers, scaleApplies, fragment, changed);
    }

    public static Profile named(String name) {
        return switch (name) {
            case "full" -> full();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("Unknown run \"" + name + "\": full or smoke");
        };
    }
}
