package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;

import io.patchbay.api.PatchManager;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ConsumerDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.Test;

/** The documents of docs/webconsole.md, byte for byte as the plugin has always written them. */
public class PatchesJsonTest {

    @Test
    public void theStateHasEveryDocumentedFieldInItsPlace() {
        String state = PatchesJson.state(manager(), "tok", 1).replaceFirst("^\\{\"time\":\\d+,", "{\"time\":0,");
        assertEquals("{\"time\":0,\"token\":\"tok\",\"status\":{\"ledgerIntact\":true,\"ledger\":\"intact\","
                + "\"verifying\":false,\"verification\":\"not \\u003cverified\\u003e\",\"warnings\":[]},\"slots\":[{\"id\":\"a.B@1.0.0\","
                + "\"name\":null,\"interfaceName\":\"a.B\",\"apiVersion\":\"1.0.0\",\"scope\":\"singleton\","
                + "\"active\":{\"id\":\"a.impl/1.0.1\",\"bundleId\":29,\"bundleSymbolicName\":\"a.impl\","
                + "\"bundleVersion\":\"1.0.1\",\"serviceId\":84,\"state\":\"active\",\"patch\":true,"
                + "\"patchReason\":\"fix \\\"it\\\"\",\"activeSince\":5,\"calls\":51,\"errors\":1,\"inFlight\":0,\"rejection\":null,"
                + "\"lastSwitch\":{\"time\":5,\"action\":\"apply\",\"actor\":\"webconsole:admin\",\"slot\":\"a.B@1.0.0\","
                + "\"from\":\"a.impl/1.0.0\",\"to\":\"a.impl/1.0.1\",\"reason\":\"PRICING-42\",\"checksum\":\"abc\","
                + "\"signer\":null}},\"standby\":[],\"consumers\":[{\"bundleId\":6,\"bundleSymbolicName\":\"a.web\","
                + "\"bundleVersion\":\"1.0.0\"}],\"previous\":[\"a.impl/1.0.0\"],\"number\":0}],\"canaries\":[],\"ledger\":[{\"time\":5,"
                + "\"action\":\"apply\",\"actor\":\"webconsole:admin\",\"slot\":\"a.B@1.0.0\",\"from\":\"a.impl/1.0.0\","
                + "\"to\":\"a.impl/1.0.1\",\"reason\":\"PRICING-42\",\"checksum\":\"abc\",\"signer\":null}],"
                + "\"ledgerTotal\":2}", state);
    }

    @Test
    public void anOutcomeWithAndWithoutAChange() {
        ChangeDTO change = new ChangeDTO();
        change.slot = "a.B@1.0.0";
        change.from = "a.impl/1.0.0";
        change.to = "a.impl/1.0.1";
        change.changed = true;
        change.drained = true;
        change.message = "done";
        assertEquals("{\"ok\":true,\"status\":200,\"message\":\"Applied.\",\"change\":{\"slot\":\"a.B@1.0.0\","
                + "\"from\":\"a.impl/1.0.0\",\"to\":\"a.impl/1.0.1\",\"changed\":true,\"drained\":true,"
                + "\"message\":\"done\"}}", PatchesJson.outcome(new Outcome(200, "Applied.", change)));
        assertEquals("{\"ok\":false,\"status\":400,\"message\":\"x.txt is not a jar \\u0026 file.\",\"change\":null}",
                PatchesJson.outcome(Outcome.badRequest("x.txt is not a jar & file.")));
    }

    private static PatchManager manager() {
        ManagerStatusDTO status = new ManagerStatusDTO();
        status.ledgerIntact = true;
        status.ledger = "intact";
        status.verification = "not <verified>";
        LedgerEntryDTO apply = entry("apply", "a.impl/1.0.0", "a.impl/1.0.1");
        LedgerEntryDTO older = entry("activate", "a.impl/1.0.1", "a.impl/1.0.0");
        ImplementationDTO active = new ImplementationDTO();
        active.id = "a.impl/1.0.1";
        active.bundleId = 29;
        active.bundleSymbolicName = "a.impl";
        active.bundleVersion = "1.0.1";
        active.serviceId = 84;
        active.state = "active";
        active.patch = true;
        active.patchReason = "fix \"it\"";
        active.activeSince = 5;
        active.calls = 51;
        active.errors = 1;
        ConsumerDTO consumer = new ConsumerDTO();
        consumer.bundleId = 6;
        consumer.bundleSymbolicName = "a.web";
        consumer.bundleVersion = "1.0.0";
        SlotDTO slot = new SlotDTO();
        slot.id = "a.B@1.0.0";
        slot.interfaceName = "a.B";
        slot.apiVersion = "1.0.0";
        slot.scope = "singleton";
        slot.active = active;
        slot.standby = List.of();
        slot.consumers = List.of(consumer);
        slot.previous = List.of("a.impl/1.0.0");
        return (PatchManager) Proxy.newProxyInstance(PatchesJsonTest.class.getClassLoader(),
                new Class<?>[] { PatchManager.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "slots" -> List.of(slot);
                    case "canaries" -> List.of();
                    case "history" -> List.of(apply, older);
                    case "status" -> status;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static LedgerEntryDTO entry(String action, String from, String to) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = 5;
        entry.action = action;
        entry.actor = "webconsole:admin";
        entry.slot = "a.B@1.0.0";
        entry.from = from;
        entry.to = to;
        entry.reason = "PRICING-42";
        entry.checksum = "abc";
        return entry;
    }
}
