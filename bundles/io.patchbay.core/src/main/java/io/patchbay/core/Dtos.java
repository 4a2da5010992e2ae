package io.patchbay.core;

import io.patchbay.api.dto.ConsumerDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.SlotDTO;
import io.patchbay.core.headers.PatchHeaders;
import io.patchbay.core.slot.Implementation;
import io.patchbay.core.slot.Slot;
import io.patchbay.core.slot.Split;
import org.osgi.framework.Bundle;

/** Snapshots of live slots as DTOs. */
final class Dtos {

    private Dtos() {
    }

    static SlotDTO slot(Slot slot) {
        SlotDTO dto = new SlotDTO();
        dto.number = slot.number();
        dto.id = slot.id();
        dto.name = slot.name();
        dto.interfaceName = slot.type().getName();
        dto.interfaces = slot.types().stream().map(Class::getName).toList();
        dto.apiVersion = slot.apiVersion();
        Implementation active = slot.active();
        dto.active = active == null ? null : implementation(active, "active");
        dto.scope = active == null ? null : active.scope();
        Split split = slot.split();
        dto.standby = slot.implementations().stream().filter(i -> i != active)
                .map(i -> implementation(i, split != null && split.candidate() == i ? "candidate" : "standby"))
                .toList();
        dto.consumers = slot.consumers().list().stream().map(Dtos::consumer).toList();
        dto.previous = slot.previous();
        return dto;
    }

    static ImplementationDTO implementation(Implementation implementation, String state) {
        ImplementationDTO dto = new ImplementationDTO();
        Bundle bundle = implementation.bundle();
        dto.id = implementation.id();
        dto.state = state;
        dto.serviceId = (Long) implementation.reference().getProperty("service.id");
        dto.calls = implementation.calls();
        dto.errors = implementation.errors();
        dto.inFlight = implementation.inFlight();
        dto.activeSince = implementation.activeSince();
        if (bundle != null) {
            dto.bundleId = bundle.getBundleId();
            dto.bundleSymbolicName = bundle.getSymbolicName();
            dto.bundleVersion = bundle.getVersion().toString();
            dto.patch = PatchHeaders.isPatch(bundle);
            dto.patchReason = PatchHeaders.reason(bundle);
        }
        return dto;
    }

    static ConsumerDTO consumer(Bundle bundle) {
        ConsumerDTO dto = new ConsumerDTO();
        dto.bundleId = bundle.getBundleId();
        dto.bundleSymbolicName = bundle.getSymbolicName();
        dto.bundleVersion = bundle.getVersion().toString();
        return dto;
    }
}
