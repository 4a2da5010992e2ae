package io.patchbay.webconsole;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.Annotations;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where the plugin's documents differ from the API's DTOs as declared (docs/webconsole.md is the contract): the
 * order of a few fields, a field left out, lists written as {@code []} when unset, and an implementation's
 * {@code lastSwitch}. Every other DTO is written as it is declared.
 */
final class JsonMixins {

    /** Each DTO and its mix-in. */
    static final Map<Class<?>, Class<?>> ALL = Map.of(SlotDTO.class, Slot.class,
            ImplementationDTO.class, Implementation.class, CanaryDTO.class, Canary.class, CheckDTO.class, Check.class,
            ManagerStatusDTO.class, Status.class);

    private JsonMixins() {
    }

    /** The identity of a slot first, its number last (it came later); {@code interfaces} is not in the document. */
    @JsonPropertyOrder({ "id", "name", "interfaceName", "apiVersion", "scope", "active", "standby", "consumers",
            "previous", "number" })
    @JsonIgnoreProperties("interfaces")
    abstract static class Slot {
    }

    /** {@code lastSwitch}: the ledger entry that routed the slot to it, handed in as {@link LastSwitch#ATTRIBUTE}. */
    @JsonAppend(props = @JsonAppend.Prop(value = LastSwitch.class, name = "lastSwitch", type = LedgerEntryDTO.class,
            include = JsonInclude.Include.ALWAYS)) // "lastSwitch": null where nothing routed to it, as ever
    abstract static class Implementation {
    }

    /** The running state first, the spec last. */
    @JsonPropertyOrder({ "slot", "baseline", "candidate", "state", "step", "stepCount", "share", "started",
            "stepStarted", "baselineArm", "candidateArm", "noKeyCalls", "verdict", "reason", "errorScore",
            "latencyScore", "acceptBound", "rejectBound", "spec" })
    @JsonIgnoreProperties("changed") // the answer's flag: the console's message and status say it
    abstract static class Canary {
    }

    /** What apply would do first, then how the jar was checked. */
    @JsonPropertyOrder({ "patch", "id", "action", "slot", "candidates", "replaces", "becomes", "installedBundleId",
            "fragment", "host", "hostPatchable", "resolved", "resolution", "wires", "checksum", "verifying", "signer",
            "warnings", "notChecked", "message" })
    abstract static class Check {
        @JsonSerialize(nullsUsing = EmptyList.class)
        public List<String> candidates;
        @JsonSerialize(nullsUsing = EmptyList.class)
        public List<String> wires;
        @JsonSerialize(nullsUsing = EmptyList.class)
        public List<String> warnings;
    }

    abstract static class Status {
        @JsonSerialize(nullsUsing = EmptyList.class)
        public List<String> warnings;
    }

    /** An unset list as {@code []}. */
    static final class EmptyList extends StdSerializer<Object> {

        private static final long serialVersionUID = 1L;

        EmptyList() {
            super(Object.class);
        }

        @Override
        public void serialize(Object none, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartArray();
            json.writeEndArray();
        }
    }

    /** An implementation's {@code lastSwitch}, looked up by identity in the map under {@link #ATTRIBUTE}. */
    static final class LastSwitch extends VirtualBeanPropertyWriter {

        private static final long serialVersionUID = 1L;

        /** The writer attribute: a map from each implementation written to its entry (or {@code null}). */
        static final String ATTRIBUTE = "lastSwitch";

        LastSwitch() {
        }

        private LastSwitch(BeanPropertyDefinition property, Annotations annotations, JavaType type) {
            super(property, annotations, type);
        }

        @Override
        protected Object value(Object implementation, JsonGenerator json, SerializerProvider provider) {
            Map<?, ?> switches = (Map<?, ?>) provider.getAttribute(ATTRIBUTE);
            return switches == null ? null : switches.get(implementation);
        }

        @Override
        public VirtualBeanPropertyWriter withConfig(MapperConfig<?> config, AnnotatedClass declaringClass,
                BeanPropertyDefinition property, JavaType type) {
            return new LastSwitch(property, declaringClass.getAnnotations(), type);
        }
    }
}
