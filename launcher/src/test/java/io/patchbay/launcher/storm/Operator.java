package io.patchbay.launcher.storm;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;

/**
 * One operator: until the deadline, picks a slot, an action its front end offers and a target at random (seeded),
 * runs it with a reason that carries a unique tag ({@code storm:<operator>:<n>;}) and journals the answer. Asking
 * for what cannot be done (promote with no canary, activate what is active) is part of the mix: the answer must
 * then be a sentence and the ledger must not move.
 */
public final class Operator implements Runnable {

    private final FrontEnd frontEnd;
    private final String code;
    private final List<StormSlot> slots;
    private final long deadlineNanos;
    private final Random random;
    private final Queue<Operation> journal;

    public Operator(FrontEnd frontEnd, String code, List<StormSlot> slots, long deadlineNanos, long seed,
            Queue<Operation> journal) {
        this.frontEnd = frontEnd;
        this.code = code;
        this.slots = slots;
        this.deadlineNanos = deadlineNanos;
        this.random = new Random(seed);
        this.journal = journal;
    }

    /** The tag an operator's n-th operation carries in its reason; {@link StormChecks} finds it in the ledger. */
    public static String tag(String code, int n) {
        return "storm:" + code + ":" + n + ";";
    }

    @Override
    public void run() {
        List<Action> actions = new ArrayList<>(frontEnd.actions());
        for (int n = 1; System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted(); n++) {
            StormSlot slot = slots.get(random.nextInt(slots.size()));
            Action action = actions.get(random.nextInt(actions.size()));
            String target = switch (action) {
                case APPLY -> slot.patches().get(random.nextInt(slot.patches().size())).toString();
                case ACTIVATE, CANARY -> slot.implementations().get(random.nextInt(slot.implementations().size()));
                default -> null;
            };
            String tag = tag(code, n);
            long start = System.nanoTime();
            Answer answer;
            try {
                answer = frontEnd.run(action, slot, target, tag);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                answer = new Answer(Outcome.FAILED, "interrupted");
            } catch (Exception failed) {
                answer = new Answer(Outcome.FAILED, failed.toString());
            }
            journal.add(new Operation(frontEnd.name(), action, slot.id(), tag, answer.outcome(),
                    System.nanoTime() - start, answer.text()));
        }
    }
}
