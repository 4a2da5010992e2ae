package io.patchbay.itest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

/**
 * Every configuration one consumer was given, in order, by the value of its {@code value} property ({@code null}
 * for no configuration at all): what the ConfigAdmin tests assert on, waited for with a deadline.
 */
final class Received {

    private final String consumer;
    private final List<String> values = new ArrayList<>();

    Received(String consumer) {
        this.consumer = consumer;
    }

    void add(Dictionary<String, ?> properties) {
        record(properties == null ? null : String.valueOf(properties.get("value")));
    }

    synchronized void record(String value) {
        values.add(value);
        notifyAll();
    }

    synchronized int count() {
        return values.size();
    }

    /** Waits until {@code value} has been received at or after position {@code from}. */
    synchronized void await(String value, int from, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!values.subList(Math.min(from, values.size()), values.size()).contains(value)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(consumer + " never received " + value + "; it received " + values);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * The values received from position {@code from} on that it would not have received without Patchbay: a
     * {@code null}, or a value of an earlier generation than one it already had ({@code generations} in order).
     */
    synchronized List<String> unexpected(int from, List<String> generations) {
        List<String> wrong = new ArrayList<>();
        int newest = -1;
        for (String value : values.subList(from, values.size())) {
            int generation = value == null ? -1 : generations.indexOf(value);
            if (value == null || generation < newest) {
                wrong.add(consumer + " received " + value + " after " + (newest < 0 ? "nothing"
                        : generations.get(newest)));
            }
            newest = Math.max(newest, generation);
        }
        return wrong;
    }

    @Override
    public synchronized String toString() {
        return consumer + " " + values;
    }

    static Duration timeout() {
        return Duration.ofSeconds(20);
    }
}
