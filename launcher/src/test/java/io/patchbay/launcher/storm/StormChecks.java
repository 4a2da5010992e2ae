package io.patchbay.launcher.storm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ledger and the routes must show after the storm, read from one {@code patches.json} with the whole
 * ledger: the chain intact; each operation's tag in exactly one entry (by its front end's actor) when it changed
 * something, in none when it did not, in at most one when the front end cannot say (the shell's hold), and no tag
 * that no operation sent; and per slot, the implementation that runs is the one the newest routing entry routed
 * to (a canary's start, steps, holds and resumes route nothing).
 */
public final class StormChecks {

    private static final Pattern TAG = Pattern.compile("storm:[a-z0-9]+:\\d+;");
    private static final Set<String> NOT_ROUTING = Set.of("interrupted", "canary", "step", "hold", "resume");
    private static final int SHOWN = 5;

    private StormChecks() {
    }

    public static List<Check> ledger(JsonNode patches, List<Operation> journal, Map<String, String> actors,
            List<StormSlot> slots) {
        List<Check> checks = new ArrayList<>();
        JsonNode status = patches.path("status");
        checks.add(Check.of("the ledger's hash chain is intact", status.path("ledgerIntact").asBoolean(),
                status.path("ledger").asText()));
        checks.add(exactlyOnce(patches.path("ledger"), journal, actors));
        for (StormSlot slot : slots) {
            checks.add(routeMatchesLedger(patches, slot));
        }
        return checks;
    }

    /** Ledger entries per actor. */
    public static Map<String, Integer> entriesByActor(JsonNode patches) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode entry : patches.path("ledger")) {
            counts.merge(entry.path("actor").asText(), 1, Integer::sum);
        }
        return counts;
    }

    private static Check exactlyOnce(JsonNode ledger, List<Operation> journal, Map<String, String> actors) {
        Map<String, List<String>> actorsByTag = new HashMap<>();
        for (JsonNode entry : ledger) {
            Matcher tags = TAG.matcher(entry.path("reason").asText(""));
            while (tags.find()) {
                actorsByTag.computeIfAbsent(tags.group(), t -> new ArrayList<>()).add(entry.path("actor").asText());
            }
        }
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (Operation operation : journal) {
            List<String> recorded = actorsByTag.getOrDefault(operation.tag(), List.of());
            int count = recorded.size();
            boolean right = switch (operation.outcome()) {
                case CHANGED -> count == 1;
                case UNKNOWN -> count <= 1;
                default -> count == 0;
            };
            String actor = actors.get(operation.frontEnd());
            if (!right || recorded.stream().anyMatch(a -> !a.equals(actor))) {
                wrong.add(operation + " is in " + count + " entries, by " + recorded);
                kinds.merge(operation.frontEnd() + " " + operation.action() + " answered " + operation.outcome()
                        + ", in " + count + " entries", 1, Integer::sum);
            }
            actorsByTag.remove(operation.tag());
        }
        actorsByTag.forEach((tag, recorded) -> wrong.add(tag + " is in the ledger (by " + recorded
                + ") but no operation sent it"));
        return Check.of("every completed operation is recorded exactly once", wrong.isEmpty(),
                wrong.size() + " wrong " + kinds + ", e.g. " + wrong.subList(0, Math.min(SHOWN, wrong.size())));
    }

    private static Check routeMatchesLedger(JsonNode patches, StormSlot slot) {
        String active = null;
        for (JsonNode each : patches.path("slots")) {
            if (each.path("id").asText().equals(slot.id())) {
                active = each.path("active").path("id").asText(null);
            }
        }
        String routed = slot.original();
        JsonNode newest = null;
        JsonNode ledger = patches.path("ledger"); // newest first
        for (int i = ledger.size() - 1; i >= 0; i--) {
            JsonNode entry = ledger.get(i);
            if (slot.id().equals(entry.path("slot").asText()) && !NOT_ROUTING.contains(entry.path("action").asText())) {
                routed = entry.path("to").asText(null);
                newest = entry;
            }
        }
        return Check.of("the route of " + slot.id() + " is what the ledger says", routed != null
                && routed.equals(active), "runs " + active + ", the newest routing entry says " + routed + ": "
                        + newest);
    }
}
