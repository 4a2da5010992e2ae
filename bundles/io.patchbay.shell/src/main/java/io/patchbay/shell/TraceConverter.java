package io.patchbay.shell;

import io.patchbay.api.dto.TraceCallDTO;
import io.patchbay.api.dto.TraceDTO;
import java.time.ZoneId;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Formats what {@code patch:trace} returns: the trace as its closing sentence (the calls were printed as they
 * came), each call as its line.
 */
@Component(service = Converter.class, property = {
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.TraceDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.TraceCallDTO" })
public class TraceConverter implements Converter {

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof TraceDTO trace) {
            return TraceText.end(trace);
        }
        if (target instanceof TraceCallDTO call) {
            return TraceText.line(call, ZoneId.systemDefault());
        }
        return null;
    }
}
