package io.patchbay.launcher.storm;

/** One check after the storm: what it checks, whether it held, and what was found when it did not. */
public record Check(String name, boolean passed, String detail) {

    static Check of(String name, boolean passed, String detail) {
        return new Check(name, passed, passed ? "" : detail);
    }
}
