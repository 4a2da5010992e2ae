package io.patchbay.shell;

import io.patchbay.api.dto.ArmDTO;
import io.patchbay.api.dto.CanaryDTO;
import java.util.Locale;

/** A canary for an 80-column terminal: slot, step, both arms side by side, the judge's verdict. */
final class CanaryText {

    private CanaryText() {
    }

    static String table(CanaryDTO[] canaries) {
        if (canaries.length == 0) {
            return "No canary in progress.";
        }
        StringBuilder text = new StringBuilder();
        for (CanaryDTO canary : canaries) {
            text.append(text.length() == 0 ? "" : "\n\n").append(report(canary));
        }
        return text.toString();
    }

    static String report(CanaryDTO canary) {
        StringBuilder text = new StringBuilder(canary.slot).append('\n');
        text.append("  ").append(canary.spec.split).append(" canary, step ").append(canary.step).append(" of ")
                .append(canary.stepCount).append(" (").append(percent(canary.share)).append(" %), ")
                .append(canary.state).append('\n');
        text.append("  ").append(Text.pad("baseline", 11)).append(canary.baseline).append('\n');
        text.append("  ").append(Text.pad("candidate", 11)).append(canary.candidate).append('\n');
        text.append(String.format(Locale.ROOT, "  %-11s%7s %9s %7s %8s %9s %9s%n", "", "share", "calls", "errors",
                "rate", "p50 us", "p99 us"));
        text.append(arm("baseline", canary.baselineArm)).append(arm("candidate", canary.candidateArm));
        if (canary.verdict != null) {
            text.append(Text.wrap("  judge: ", canary.verdict + ": " + canary.reason, "    ")).append('\n');
            text.append(String.format(Locale.ROOT, "  error test %.2f, latency test %.2f (reverts at %.2f, passes at"
                    + " %.2f)", canary.errorScore, canary.latencyScore, canary.rejectBound, canary.acceptBound));
        } else {
            text.append("  judge: not looked yet");
        }
        if (canary.noKeyCalls > 0) {
            text.append('\n').append("  ").append(Text.plural(canary.noKeyCalls, "call")).append(" carried no routing"
                    + " key and went to the baseline");
        }
        return text.toString();
    }

    /** A CanaryDTO in one line, for listings. */
    static String line(CanaryDTO canary) {
        return canary.slot + ": " + canary.candidate + " at " + percent(canary.share) + " %, " + canary.state
                + (canary.verdict == null ? "" : ", " + canary.verdict);
    }

    private static String arm(String name, ArmDTO arm) {
        return String.format(Locale.ROOT, "  %-11s%5s %% %9d %7d %6.2f %% %9.0f %9.0f%n", name, percent(arm.share),
                arm.calls, arm.errors, arm.errorRate * 100, arm.p50Micros, arm.p99Micros);
    }

    static String percent(double share) {
        return share == Math.rint(share) ? Long.toString((long) share)
                : String.format(Locale.ROOT, "%.2f", share).replaceAll("0+$", "");
    }
}
