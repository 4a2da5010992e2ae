package io.patchbay.core.slot;

/** The managed interface of the tests that drive {@link Slots} outside a framework. */
public interface Greeting {

    String greet();
}
