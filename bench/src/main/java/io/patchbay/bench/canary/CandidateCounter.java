package io.patchbay.bench.canary;

import io.patchbay.bench.calls.Counter;

/** The canary's candidate of the trivial method: another class than the baseline's, as a patch's would be. */
public final class CandidateCounter implements Counter {

    private int value = 43;

    @Override
    public int next() {
        return value;
    }
}
