package io.patchbay.itest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON the container answers, read with Jackson into maps, lists, strings, numbers, booleans and {@code null};
 * decimals as {@link java.math.BigDecimal} so {@code 90.00} keeps its scale. Inside the framework (the probe)
 * Jackson databind is one of the launcher's bundles (the fleet agent reads its JSON with it), so the probe imports it.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        try {
            return MAPPER.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON object: " + text, e);
        }
    }
}
