package io.patchbay.core.inspect;

import java.util.function.IntSupplier;

/** A class whose methods use every kind of instruction a method print shows; its class file is printed. */
@SuppressWarnings("unused")
final class Specimen extends MethodPrintsTest.Copyable implements Comparable<Specimen> {

    private int counter;

    static int dense(int value) {
        switch (value) {
            case 1:
                return 10;
            case 2:
                return 20;
            case 3:
                return 30;
            default:
                return -1;
        }
    }

    static int sparse(int value) {
        switch (value) {
            case 1:
                return 1;
            case 100:
                return 2;
            case 10_000:
                return 3;
            default:
                return 0;
        }
    }

    static int[][] grid() {
        return new int[3][4];
    }

    static int guarded(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    int counted(Object value) {
        int total = 0;
        for (int i = 0; i < 3; i++) {
            total += i;
        }
        counter = total;
        IntSupplier later = () -> counter + 7;
        long big = 12_345_678_901L;
        Class<?> type = String.class;
        return value instanceof String ? later.getAsInt() + (int) big + type.getName().length() + 300 : counter;
    }

    @Override
    Specimen copy() {
        return new Specimen();
    }

    @Override
    public int compareTo(Specimen other) {
        return Integer.compare(counter, other.counter);
    }
}
