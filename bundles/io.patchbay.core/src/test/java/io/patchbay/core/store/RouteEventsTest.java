package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.patchbay.api.dto.LedgerEntryDTO;
import java.util.Set;
import org.junit.Test;
import org.osgi.service.event.Event;

public class RouteEventsTest {

    @Test
    public void aSignedApplyCarriesEveryFieldOfItsEntryIncludingTheSigner() {
        LedgerEntryDTO entry = entry("apply");
        entry.checksum = "abc";
        entry.signer = "CN=Release";
        Event event = RouteEvents.event(entry);
        assertEquals("io/patchbay/route/APPLY", event.getTopic());
        assertEquals(5L, event.getProperty("time"));
        assertEquals("shell", event.getProperty("actor"));
        assertEquals("a.B@1.0.0", event.getProperty("slot"));
        assertEquals("a/1.0.0", event.getProperty("from"));
        assertEquals("a/1.0.1", event.getProperty("to"));
        assertEquals("PRICING-42", event.getProperty("reason"));
        assertEquals("abc", event.getProperty("checksum"));
        assertEquals("CN=Release", event.getProperty("signer"));
    }

    @Test
    public void unsetFieldsAreLeftOutAndTheTopicIsTheActionInCapitals() {
        Event event = RouteEvents.event(entry("auto-revert"));
        assertEquals("io/patchbay/route/AUTO_REVERT", event.getTopic());
        assertFalse(Set.of(event.getPropertyNames()).contains("signer"));
        assertFalse(Set.of(event.getPropertyNames()).contains("checksum"));
    }

    private static LedgerEntryDTO entry(String action) {
        LedgerEntryDTO entry = new LedgerEntryDTO();
        entry.time = 5;
        entry.action = action;
        entry.actor = "shell";
        entry.slot = "a.B@1.0.0";
        entry.from = "a/1.0.0";
        entry.to = "a/1.0.1";
        entry.reason = "PRICING-42";
        return entry;
    }
}
