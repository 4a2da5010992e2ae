package io.patchbay.bench.calls;

/** Returns a field: the cheapest real method there is, so what surrounds the call shows. */
public final class FieldCounter implements Counter {

    private int value = 42;

    @Override
    public int next() {
        return value;
    }
}
