package io.patchbay.bench.calls;

/** The trivial method of the call-overhead benchmark. Public: Patchbay generates facades for public interfaces. */
public interface Counter {

    int next();
}
