package io.patchbay.bench.swap;

import io.patchbay.bench.report.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one way did at one thread count, summed over its swaps. */
record Outcome(String way, int threads, int swaps, long calls, long[] failed, long[] oldAfterReturn,
        int[] switchedSwaps, List<String> neverSwitch, Stats convergence, int unconverged, Stats operation,
        int swapErrors, int reactivations, int implementationBundles, List<String> examples) {

    static Outcome of(Way way, int threads, List<Epoch> epochs, Stats operation, int swapErrors, int reactivations,
            List<String> examples) {
        int kinds = Callers.KINDS.size();
        long calls = 0;
        long[] failed = new long[kinds];
        long[] old = new long[kinds];
        int[] switched = new int[kinds];
        for (Epoch epoch : epochs) {
            calls += epoch.calls.sum();
            for (int kind = 0; kind < kinds; kind++) {
                failed[kind] += epoch.failed[kind].sum();
                old[kind] += epoch.oldAfterReturn[kind].sum();
                if (epoch.index > 0 && allSwitched(epoch, threads, kind)) {
                    switched[kind]++;
                }
            }
        }
        List<String> never = new ArrayList<>();
        for (int kind = 0; kind < kinds; kind++) {
            if (switched[kind] == 0 && epochs.size() > 1) {
                never.add(Callers.KINDS.get(kind));
            }
        }
        Stats convergence = new Stats();
        int unconverged = 0;
        for (Epoch epoch : epochs.subList(1, epochs.size())) {
            long slowest = 0;
            boolean all = true;
            for (int kind = 0; kind < kinds; kind++) {
                if (never.contains(Callers.KINDS.get(kind))) {
                    continue;
                }
                for (int thread = 0; thread < threads; thread++) {
                    all &= epoch.switched(thread, kind);
                    slowest = Math.max(slowest, epoch.switchTime(thread, kind));
                }
            }
            if (all) {
                convergence.record(slowest);
            } else {
                unconverged++;
            }
        }
        return new Outcome(way.name(), threads, epochs.size() - 1, calls, failed, old, switched, never, convergence,
                unconverged, operation, swapErrors, reactivations, way.implementationBundles(), examples);
    }

    private static boolean allSwitched(Epoch epoch, int threads, int kind) {
        for (int thread = 0; thread < threads; thread++) {
            if (!epoch.switched(thread, kind)) {
                return false;
            }
        }
        return true;
    }

    long totalFailed() {
        long sum = 0;
        for (long f : failed) {
            sum += f;
        }
        return sum;
    }

    long totalOldAfterReturn() {
        long sum = 0;
        for (long o : oldAfterReturn) {
            sum += o;
        }
        return sum;
    }

    String convergenceCell() {
        String cell = convergence.cell();
        return unconverged == 0 ? cell : cell + " (" + unconverged + " swaps not all)";
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("way", way);
        json.put("threads", threads);
        json.put("swaps", swaps);
        json.put("swapErrors", swapErrors);
        json.put("calls", calls);
        json.put("failedCalls", totalFailed());
        json.put("oldCodeAfterReturn", totalOldAfterReturn());
        json.put("allOnNewCode", convergence.json());
        json.put("swapsNotAllOnNewCode", unconverged);
        json.put("swapOperation", operation.json());
        json.put("neverSwitch", neverSwitch);
        json.put("consumerReactivations", reactivations);
        json.put("implementationBundlesInstalled", implementationBundles);
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (int kind = 0; kind < Callers.KINDS.size(); kind++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("failedCalls", failed[kind]);
            one.put("oldCodeAfterReturn", oldAfterReturn[kind]);
            one.put("swapsSwitched", switchedSwaps[kind]);
            kinds.put(Callers.KINDS.get(kind), one);
        }
        json.put("byConsumer", kinds);
        json.put("examples", examples);
        return json;
    }
}
