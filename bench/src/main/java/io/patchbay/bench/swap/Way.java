package io.patchbay.bench.swap;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.felix.Felix;

/** One way of moving a service's consumers to new code, swapped again and again under load. */
interface Way {

    String SERVED_BY = "com.example.pricing.impl ";

    /** A short name for tables. */
    String name();

    /** One word for the command line's {@code --ways}. */
    String key();

    /** Whether the framework runs the patch manager; the standard ways are measured without it. */
    boolean patchbay();

    /** Called once the framework is up, before the load starts; answers who serves calls at first. */
    String prepare(Felix felix, Artifacts artifacts) throws Exception;

    /** Who serves calls once swap {@code index} (from 1) is done, as the quote names it. */
    String expected(int index);

    /** Does swap {@code index}; returns when the operation does. */
    void swap(int index) throws Exception;

    /** Bundles of the implementation still installed, for the table (old bundles pile up in some ways). */
    int implementationBundles();
}
