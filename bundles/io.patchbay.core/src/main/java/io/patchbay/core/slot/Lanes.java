package io.patchbay.core.slot;

/**
 * The facade side of a slot's fast path, made by the facade package: the lane of an implementation (an object of
 * a class of its own that implements the slot's interfaces and forwards to one target, counting in
 * {@link CallCells}), and how {@link Grace} knows the slot's facades and an implementation's lanes on a stack.
 */
public interface Lanes {

    /** The lane class of {@code implementation}, made once per implementation. */
    LaneType typeOf(Implementation implementation);

    /** Whether {@code frame} runs in one of this slot's generated facades. */
    boolean facadeFrame(StackTraceElement frame);

    /** How one implementation's lanes are made, and the name of the class loader that tells its frames apart. */
    interface LaneType {

        /** A lane forwarding to {@code target} (the service object, or the one a seat was given). */
        Object lane(Object target);

        /** The name of the lane class's own loader: a frame with it runs in this implementation's lane. */
        String loaderName();
    }
}
