package io.patchbay.bench.fragment;

import io.patchbay.bench.report.Stats;
import java.util.ArrayList;
import java.util.List;

/** Durations over the switches of one kind (apply or revert) in one run. */
record SwitchSummary(SwitchSummary.Stat waits, SwitchSummary.Stat longest, SwitchSummary.Stat silence,
        SwitchSummary.Stat hostAway, Stats operation, int switches, int errors, int hostNotSeen, int noSilence,
        double waitingCallsMedian) {

    /** A Stats with its cell as median / max, the figures issue 4 asks for. */
    record Stat(Stats stats) {

        String cellMax() {
            return stats.count() == 0 ? "n/a" : Stats.ms(stats.medianMillis()) + " / " + Stats.ms(stats.maxMillis());
        }
    }

    static SwitchSummary of(RefreshRun run, int what) {
        Stats wait = new Stats();
        Stats longest = new Stats();
        Stats silence = new Stats();
        Stats away = new Stats();
        Stats operation = new Stats();
        int count = 0;
        int errors = 0;
        int notSeen = 0;
        int noSilence = 0;
        List<Integer> waitingCounts = new ArrayList<>();
        for (RefreshRun.Switch s : run.switches()) {
            if (s.what() != what) {
                continue;
            }
            count++;
            errors += s.error() == null ? 0 : 1;
            operation.record(s.returned() - s.start());
            if (s.hostSeen()) {
                away.record(s.up() - s.down());
            } else {
                notSeen++;
            }
            CallTimeline.Hold hold = CallTimeline.hold(run, s);
            noSilence += hold == CallTimeline.Hold.NONE ? 1 : 0;
            wait.record(hold.waited());
            longest.record(hold.longest());
            silence.record(hold.silence());
            waitingCounts.add(hold.waiting());
        }
        waitingCounts.sort(Integer::compare);
        double medianWaiting = waitingCounts.isEmpty() ? Double.NaN
                : waitingCounts.size() % 2 == 1 ? waitingCounts.get(waitingCounts.size() / 2)
                        : (waitingCounts.get(waitingCounts.size() / 2 - 1)
                                + waitingCounts.get(waitingCounts.size() / 2)) / 2.0;
        return new SwitchSummary(new Stat(wait), new Stat(longest), new Stat(silence), new Stat(away), operation,
                count, errors, notSeen, noSilence, medianWaiting);
    }
}
