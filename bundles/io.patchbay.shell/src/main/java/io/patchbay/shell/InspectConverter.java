package io.patchbay.shell;

import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.DiffDTO;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Formats what {@code patch:check} and {@code patch:diff} return ({@link InspectText}); one line, the answer's
 * sentence, inside other listings. Any other type is {@link PatchConverter}'s or Gogo's.
 */
@Component(service = Converter.class, property = {
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.CheckDTO",
        Converter.CONVERTER_CLASSES + "=io.patchbay.api.dto.DiffDTO" })
public class InspectConverter implements Converter {

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof CheckDTO check) {
            return level == INSPECT ? InspectText.check(check) : check.message;
        }
        if (target instanceof DiffDTO diff) {
            return level == INSPECT ? InspectText.diff(diff) : diff.message;
        }
        return null;
    }
}
