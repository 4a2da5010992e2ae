package io.patchbay.webconsole;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchManager;
import io.patchbay.api.UnknownSlotException;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import io.patchbay.api.dto.SlotDTO;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The canary actions against a manager that records what it was asked, from urlencoded forms. */
public class CanaryActionsTest {

    private final List<Object[]> calls = new ArrayList<>();
    private CanaryDTO current = Canaries.canary(CanaryDTO.RUNNING, CanarySpecDTO.KEYS);
    private RuntimeException failure;

    @Test
    public void aCanaryOfAStandbyTakesTheSlotAndTheSpecFromTheForm() throws Exception {
        Outcome outcome = post(Map.of("action", "canary", "implementation", "a.impl/1.0.1", "slot", "B",
                "split", "keys", "steps", "2.5, 50", "minCalls", "30", "reason", "try it"));
        assertEquals(200, outcome.status());
        assertEquals("Started a canary of a.impl/1.0.1 in a.B@1.0.0#b: 2.5 % of routing keys go to it, sticky"
                + " (step 1 of 2); a.impl/1.0.0 stays the baseline.", outcome.message());
        assertSame(current, outcome.canary());
        Object[] call = calls.get(0);
        assertEquals("canaryOf", call[0]);
        assertEquals("B", call[1]);
        assertEquals("a.impl/1.0.1", call[2]);
        CanarySpecDTO spec = (CanarySpecDTO) call[3];
        assertEquals("keys", spec.split);
        assertEquals(Long.valueOf(30), spec.minCalls);
        assertNull(spec.alpha);
        assertEquals("try it", call[4]);
        assertEquals("webconsole:admin", call[5]);
    }

    @Test
    public void aCanaryWithoutACandidateIsA400AndAsksTheManagerNothing() throws Exception {
        Outcome outcome = post(Map.of("action", "canary", "split", "calls"));
        assertEquals(400, outcome.status());
        assertEquals("Say what to try as a canary: send the patch jar (as the request body or as the multipart part"
                + " 'patch'), or name a standby implementation (implementation=name/version).", outcome.message());
        assertEquals(List.of(), calls);
        assertEquals("minCalls takes a whole number; not 'many'.", post(Map.of("action", "canary",
                "implementation", "a.impl/1.0.1", "minCalls", "many")).message());
        assertEquals(List.of(), calls);
    }

    @Test
    public void holdAndResumeSayWhetherTheyChangedAnything() throws Exception {
        Outcome held = post(Map.of("action", "hold", "slot", "B"));
        assertEquals(200, held.status());
        assertEquals("Holding the canary of a.impl/1.0.1 in a.B@1.0.0#b at step 1 of 2 (2.5 %): the judge still"
                + " reverts it if it fails, but neither steps nor promotes it.", held.message());
        assertEquals(409, post(Map.of("action", "hold", "slot", "B")).status());
        current.state = CanaryDTO.HOLDING;
        assertEquals("The canary of a.impl/1.0.1 in a.B@1.0.0#b is already holding; nothing changed.",
                post(Map.of("action", "hold", "slot", "B")).message());
        Outcome resumed = post(Map.of("action", "resume", "slot", "B"));
        assertEquals(200, resumed.status());
        assertEquals("Resumed the canary of a.impl/1.0.1 in a.B@1.0.0#b at step 1 of 2 (2.5 %); the step's window"
                + " starts anew.", resumed.message());
        Outcome again = post(Map.of("action", "resume", "slot", "B"));
        assertEquals(409, again.status());
        assertEquals("The canary of a.impl/1.0.1 in a.B@1.0.0#b is not holding; nothing changed.", again.message());
    }

    @Test
    public void theManagersRefusalIsItsSentenceAndAnUnknownSlotA404() throws Exception {
        failure = new PatchException("a.B@1.0.0#b has no canary in progress.");
        Outcome refused = post(Map.of("action", "promote", "slot", "B"));
        assertEquals(400, refused.status());
        assertEquals("a.B@1.0.0#b has no canary in progress.", refused.message());
        failure = new UnknownSlotException("No slot matches 'Nope'; the slots are: a.B@1.0.0#b.");
        assertEquals(404, post(Map.of("action", "hold", "slot", "Nope")).status());
        assertEquals("Unknown action 'explode': use apply, revert, activate, canary, promote, hold or resume.",
                post(Map.of("action", "explode")).message());
    }

    /** An action as a urlencoded form posts it (the fields in the body, none in the query). */
    private Outcome post(Map<String, String> fields) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> "application/x-www-form-urlencoded";
                    case "getQueryString", "getHeader" -> null;
                    case "getParameter" -> fields.get((String) args[0]);
                    case "getParameterValues" -> fields.containsKey((String) args[0])
                            ? new String[] { fields.get((String) args[0]) } : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new Actions(manager()).perform(request, "webconsole:admin");
    }

    private PatchManager manager() {
        return (PatchManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { PatchManager.class },
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "slot" -> {
                            SlotDTO slot = new SlotDTO();
                            slot.id = current.slot;
                            return slot;
                        }
                        case "canaries" -> {
                            return List.of(copy(current));
                        }
                        default -> {
                        }
                    }
                    Object[] call = new Object[args.length + 1];
                    call[0] = method.getName();
                    System.arraycopy(args, 0, call, 1, args.length);
                    calls.add(call);
                    if (failure != null) {
                        throw failure;
                    }
                    String before = current.state;
                    current.state = switch (method.getName()) {
                        case "hold" -> CanaryDTO.HOLDING;
                        case "resume" -> CanaryDTO.RUNNING;
                        default -> current.state;
                    };
                    current.changed = !current.state.equals(before);
                    return current;
                });
    }

    private static CanaryDTO copy(CanaryDTO canary) {
        CanaryDTO copy = Canaries.canary(canary.state, canary.spec.split);
        copy.slot = canary.slot;
        return copy;
    }
}
