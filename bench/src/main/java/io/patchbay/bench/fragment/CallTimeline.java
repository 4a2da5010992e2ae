package io.patchbay.bench.fragment;

import io.patchbay.bench.report.Stats;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the load threads' slow calls back against the switches: the stretches in which no thread had an answer,
 * what callers went through in one switch, and the control figures from the pauses without a switch.
 */
final class CallTimeline {

    /**
     * What callers went through in one switch. {@code silence}: the longest stretch without any answer that
     * overlaps the host's absence. Waiting calls: every thread's call in progress when answers resumed (each had
     * been waiting since the silence began, or longer). {@code waited}: from the last answer before the silence to
     * the end of the last waiting call.
     */
    record Hold(long silence, long waited, long longest, int waiting) {

        static final Hold NONE = new Hold(0, 0, 0, 0);
    }

    private CallTimeline() {
    }

    /**
     * The stretches in which no thread had an answer: the intersection of every thread's stretches from one
     * answer to the next (those longer than the threshold), in time order, as {@code [from, to]}.
     */
    static List<long[]> silences(List<FragmentLoad.Track> tracks) {
        List<long[]> common = null;
        for (FragmentLoad.Track track : tracks) {
            List<long[]> mine = new ArrayList<>();
            for (int i = 0; i < track.size(); i++) {
                mine.add(new long[] { track.from()[i], track.end()[i] });
            }
            common = common == null ? mine : intersect(common, mine);
        }
        return common == null ? List.of() : common;
    }

    private static List<long[]> intersect(List<long[]> a, List<long[]> b) {
        List<long[]> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long from = Math.max(a.get(i)[0], b.get(j)[0]);
            long to = Math.min(a.get(i)[1], b.get(j)[1]);
            if (from < to) {
                both.add(new long[] { from, to });
            }
            if (a.get(i)[1] < b.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    static Hold hold(RefreshRun run, RefreshRun.Switch s) {
        long from = s.hostSeen() ? s.down() : s.start();
        long to = s.hostSeen() ? s.up() : s.returned();
        long[] silence = null;
        for (long[] candidate : run.silences()) {
            if (candidate[0] > to) {
                break;
            }
            if (candidate[1] >= from && (silence == null || candidate[1] - candidate[0] > silence[1] - silence[0])) {
                silence = candidate;
            }
        }
        if (silence == null) {
            return Hold.NONE;
        }
        long resumed = silence[1];
        long lastEnd = resumed;
        long longest = 0;
        int waiting = 0;
        for (FragmentLoad.Track track : run.tracks()) {
            int at = lastStartingBy(track, resumed);
            if (at >= 0 && track.end()[at] >= resumed) {
                waiting++;
                lastEnd = Math.max(lastEnd, track.end()[at]);
                longest = Math.max(longest, track.end()[at] - track.start()[at]);
            }
        }
        return new Hold(resumed - silence[0], lastEnd - silence[0], longest, waiting);
    }

    /** Index of the track's last slow call that started at or before {@code time}, or -1. */
    private static int lastStartingBy(FragmentLoad.Track track, long time) {
        int low = 0;
        int high = track.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (track.start()[middle] <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /**
     * The control: in each pause between switches (no switch going on), the longest stretch without any answer
     * and the longest single call that started and ended inside the pause.
     */
    static Stats[] pauses(RefreshRun run) {
        Stats silence = new Stats();
        Stats call = new Stats();
        for (long[] pause : run.pauses()) {
            long longestSilence = 0;
            for (long[] quiet : run.silences()) {
                if (quiet[0] > pause[1]) {
                    break;
                }
                long from = Math.max(quiet[0], pause[0]);
                long to = Math.min(quiet[1], pause[1]);
                longestSilence = Math.max(longestSilence, to - from);
            }
            silence.record(longestSilence);
            long longestCall = 0;
            for (FragmentLoad.Track track : run.tracks()) {
                for (int i = Math.max(0, lastStartingBy(track, pause[0]) - 1); i < track.size(); i++) {
                    if (track.start()[i] > pause[1]) {
                        break;
                    }
                    if (track.start()[i] >= pause[0] && track.end()[i] <= pause[1]) {
                        longestCall = Math.max(longestCall, track.end()[i] - track.start()[i]);
                    }
                }
            }
            call.record(longestCall);
        }
        return new Stats[] { silence, call };
    }
}
