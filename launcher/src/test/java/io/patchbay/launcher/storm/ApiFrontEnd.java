package io.patchbay.launcher.storm;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.ChangeDTO;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Java API: {@link PatchManager} called inside the container, by {@link ApiDriver}'s bundle. A
 * {@link ChangeDTO} says whether it changed anything; a {@link PatchException} is a refusal with its sentence; a
 * started canary is a change; a hold's answer says whether it held ({@code CanaryDTO.changed}). The ledger's
 * actor is {@code api}.
 */
final class ApiFrontEnd implements FrontEnd {

    static final String ACTOR = "api";

    private final PatchManager manager;

    ApiFrontEnd(PatchManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return ACTOR;
    }

    @Override
    public String actor() {
        return ACTOR;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.allOf(Action.class);
    }

    @Override
    public Answer run(Action action, StormSlot slot, String target, String tag) {
        String id = slot.id();
        try {
            return switch (action) {
                case APPLY -> change(slot.applyNamesSlot() ? manager.applyTo(id, target, tag, ACTOR)
                        : manager.apply(target, tag, ACTOR));
                case REVERT -> change(manager.revert(id, tag, ACTOR));
                case ACTIVATE -> change(manager.activate(id, target, tag, ACTOR));
                case PROMOTE -> change(manager.promote(id, tag, ACTOR));
                case CANARY -> {
                    CanarySpecDTO spec = new CanarySpecDTO();
                    spec.minStepMillis = 600_000L;
                    yield new Answer(Outcome.CHANGED, "canary of " + manager.canaryOf(id, target, spec, tag, ACTOR)
                            .candidate);
                }
                case HOLD -> {
                    CanaryDTO held = manager.hold(id, tag, ACTOR);
                    yield new Answer(held.changed ? Outcome.CHANGED : Outcome.UNCHANGED, "holding " + held.candidate);
                }
            };
        } catch (PatchException refused) {
            return new Answer(Outcome.REFUSED, refused.getMessage());
        }
    }

    private static Answer change(ChangeDTO change) {
        return new Answer(change.changed ? Outcome.CHANGED : Outcome.UNCHANGED, change.message);
    }

    @Override
    public void close() {
        // the manager is the framework's
    }
}
