package io.patchbay.shell;

import io.patchbay.api.dto.RetiredDTO;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Formats what {@code patch:retired} returns: per implementation a line with its bundle and state, its sentence,
 * and each holder of a class loader that was not collected.
 */
@Component(service = Converter.class, property = Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.RetiredDTO")
public class RetiredConverter implements Converter {

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof RetiredDTO[] all) {
            if (all.length == 0) {
                return "No implementation has been active since the manager started.";
            }
            StringBuilder text = new StringBuilder();
            for (RetiredDTO retired : all) {
                text.append(text.length() == 0 ? "" : "\n").append(report(retired));
            }
            return text;
        }
        if (target instanceof RetiredDTO retired) {
            return level == INSPECT ? report(retired) : line(retired);
        }
        return null;
    }

    static String line(RetiredDTO retired) {
        return retired.implementation + "  bundle " + retired.bundleId + "  " + retired.state;
    }

    static String report(RetiredDTO retired) {
        StringBuilder text = new StringBuilder(line(retired)).append('\n')
                .append(Text.wrap("  ", retired.message, "    "));
        for (String holder : retired.holders) {
            text.append('\n').append(Text.wrap("  - ", holder, "    "));
        }
        return text.toString();
    }
}
