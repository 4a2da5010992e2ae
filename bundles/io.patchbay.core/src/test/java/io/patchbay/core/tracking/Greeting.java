package io.patchbay.core.tracking;

/** The managed interface of the tests that drive {@link Slots} outside a framework. */
public interface Greeting {

    String greet();
}
