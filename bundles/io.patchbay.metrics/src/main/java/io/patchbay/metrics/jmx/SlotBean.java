package io.patchbay.metrics.jmx;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.SlotDTO;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The MBean of one slot: a live view through {@link PatchManager}, never a copy. A {@link PatchException} reaches
 * the JMX client as an {@link IllegalStateException} with the manager's sentence, because a remote client has no
 * Patchbay classes to deserialise the original with.
 */
final class SlotBean extends StandardMBean implements SlotMXBean {

    static final String DOMAIN = "io.patchbay";

    static final String ACTOR = "jmx";

    private final PatchManager manager;

    private final String slot;

    SlotBean(PatchManager manager, String slot) {
        super(SlotMXBean.class, true);
        this.manager = manager;
        this.slot = slot;
    }

    /** {@code io.patchbay:type=slot,name=<slot id>}, the id quoted only when it holds a character names forbid. */
    static ObjectName nameOf(String slot) throws MalformedObjectNameException {
        boolean plain = !slot.isEmpty() && slot.chars().noneMatch(c -> ",=:\"*?\n".indexOf(c) >= 0);
        return new ObjectName(DOMAIN + ":type=slot,name=" + (plain ? slot : ObjectName.quote(slot)));
    }

    @Override
    public String getSlot() {
        return slot;
    }

    @Override
    public String[] getInterfaces() {
        return dto().interfaces.toArray(String[]::new);
    }

    @Override
    public String getActiveImplementation() {
        ImplementationDTO active = dto().active;
        return active == null ? null : active.id;
    }

    @Override
    public String[] getStandbyImplementations() {
        return dto().standby.stream().map(i -> i.id).toArray(String[]::new);
    }

    @Override
    public String[] getPrevious() {
        return dto().previous.toArray(String[]::new);
    }

    @Override
    public long getActiveSince() {
        ImplementationDTO active = dto().active;
        return active == null ? 0 : active.activeSince;
    }

    @Override
    public long getActiveCalls() {
        ImplementationDTO active = dto().active;
        return active == null ? 0 : active.calls;
    }

    @Override
    public long getActiveErrors() {
        ImplementationDTO active = dto().active;
        return active == null ? 0 : active.errors;
    }

    @Override
    public long getCalls() {
        return sum(i -> i.calls);
    }

    @Override
    public long getErrors() {
        return sum(i -> i.errors);
    }

    @Override
    public long getInFlight() {
        return sum(i -> i.inFlight);
    }

    @Override
    public int getConsumers() {
        return dto().consumers.size();
    }

    @Override
    public String revert(String reason) {
        return answer(() -> manager.revert(slot, reason, ACTOR));
    }

    @Override
    public String activate(String implementation, String reason) {
        return answer(() -> manager.activate(slot, implementation, reason, ACTOR));
    }

    @Override
    protected String getDescription(MBeanOperationInfo operation) {
        return switch (operation.getName()) {
            case "revert" -> "Moves the slot back to the implementation active before the current one.";
            case "activate" -> "Makes a standby implementation the active one.";
            default -> super.getDescription(operation);
        };
    }

    @Override
    protected String getParameterName(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        if ("activate".equals(operation.getName()) && sequence == 0) {
            return "implementation";
        }
        return "reason";
    }

    private SlotDTO dto() {
        try {
            return manager.slot(slot);
        } catch (PatchException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    private long sum(ToLongFunction<ImplementationDTO> count) {
        SlotDTO dto = dto();
        return Stream.concat(Stream.ofNullable(dto.active), dto.standby.stream()).mapToLong(count).sum();
    }

    private static String answer(Supplier<ChangeDTO> operation) {
        try {
            return operation.get().message;
        } catch (PatchException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }
}
