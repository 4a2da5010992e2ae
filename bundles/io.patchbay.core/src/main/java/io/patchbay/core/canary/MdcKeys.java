package io.patchbay.core.canary;

import java.util.function.Supplier;
import org.slf4j.MDC;

/** The routing key from the SLF4J MDC of the calling thread: the first of the named entries it holds. */
final class MdcKeys implements Supplier<String> {

    private final String[] names;

    MdcKeys(String[] names) {
        this.names = names;
    }

    @Override
    public String get() {
        for (String name : names) {
            String value = MDC.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
