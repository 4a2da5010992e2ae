package io.patchbay.core.slot;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Choosing where a slot goes and routing it there are two steps, each under the slot's lock. An implementation
 * unregistered in between is refused by the route ({@link ImplementationGone}); the manager's own moves (a
 * fallback when the active implementation leaves, a restored route that did not come back) then choose again.
 * A refused choice has left the slot, so it is never chosen twice: the loop ends.
 */
public final class Rerouting {

    /** Test hook: told of every choice before it is routed. */
    public static volatile Consumer<Implementation> chosen = next -> {
    };

    private Rerouting() {
    }

    /** Routes with {@code route} to what {@code choice} gives, choosing again while the choice went away. */
    public static void untilRouted(Supplier<Implementation> choice, Consumer<Implementation> route) {
        for (;;) {
            Implementation next = choice.get();
            chosen.accept(next);
            try {
                route.accept(next);
                return;
            } catch (ImplementationGone raced) {
                // unregistered between the choice and the route: choose again
            }
        }
    }
}
