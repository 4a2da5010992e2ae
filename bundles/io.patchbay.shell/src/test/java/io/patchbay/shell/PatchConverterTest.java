package io.patchbay.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.ImplementationDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import io.patchbay.api.dto.ManagerStatusDTO;
import io.patchbay.api.dto.PatchStatusDTO;
import io.patchbay.api.dto.SlotDTO;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.junit.Test;

/** What the operator reads: exact layouts, every line within 80 columns. */
public class PatchConverterTest {

    private final PatchConverter converter = new PatchConverter(ZoneOffset.UTC);

    @Test
    public void listIsANumberedTableWithTheImplementationsUnderEachSlot() {
        SlotDTO slot = patched();
        assertFormat(new SlotDTO[] { slot }, String.join("\n",
                "#  SLOT (interface@API version#name)                   CONSUMERS",
                "1  com.example.pricing.api.PriceService@1.0.0#pricing  1",
                "     active   com.example.pricing.impl/1.0.1  bundle 31, patch",
                "     standby  com.example.pricing.impl/1.0.0  bundle 12"));
    }

    @Test
    public void aRejectedCandidateShowsItsVerdictUnderIt() {
        SlotDTO slot = Samples.slot();
        ImplementationDTO broken = Samples.implementation("com.example.pricing.impl/1.0.2", 42, "rejected");
        broken.patch = true;
        broken.rejection = "judge: hard guard: the candidate threw java.lang.ArithmeticException 3 times; the "
                + "baseline never threw it";
        slot.standby.add(broken);
        assertFormat(new SlotDTO[] { slot }, String.join("\n",
                "#  SLOT (interface@API version#name)                   CONSUMERS",
                "1  com.example.pricing.api.PriceService@1.0.0#pricing  1",
                "     active   com.example.pricing.impl/1.0.0  bundle 12",
                "     rejected com.example.pricing.impl/1.0.2  bundle 42, patch",
                "       rejected by judge: hard guard: the candidate threw",
                "         java.lang.ArithmeticException 3 times; the baseline never threw it"));
    }

    @Test
    public void aSlotWithoutImplementationSaysCallsWait() {
        SlotDTO slot = Samples.slot();
        slot.active = null;
        assertFormat(new SlotDTO[] { slot }, String.join("\n",
                "#  SLOT (interface@API version#name)                   CONSUMERS",
                "1  com.example.pricing.api.PriceService@1.0.0#pricing  1",
                "     active   none: calls wait for an implementation"));
    }

    @Test
    public void oneSlotOrOneEntryOnItsOwnLooksLikeItsRowInTheList() {
        assertFormat(Samples.slot(), String.join("\n",
                "#  SLOT (interface@API version#name)                   CONSUMERS",
                "1  com.example.pricing.api.PriceService@1.0.0#pricing  1",
                "     active   com.example.pricing.impl/1.0.0  bundle 12"));
        assertFormat(Samples.entry(Samples.THREE_AM, "apply", Samples.ORIGINAL, Samples.FIXED, "shell", null),
                String.join("\n",
                        "2025-03-01 03:12:09  apply  com.example.pricing.api.PriceService@1.0.0#pricing",
                        "  com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1",
                        "  by shell"));
    }

    @Test
    public void noSlotsExplainsHowAServiceTakesPart() {
        assertFormat(new SlotDTO[0], String.join("\n", "No managed slots.",
                "A service takes part when it is registered with patchbay.managed=true."));
    }

    @Test
    public void infoShowsEverything() {
        SlotInfo info = new SlotInfo();
        info.slot = patched();
        info.recent = List.of(Samples.entry(Samples.THREE_AM, "apply", Samples.ORIGINAL, Samples.FIXED, "shell",
                "PRICING-42"));
        assertFormat(info, String.join("\n",
                "com.example.pricing.api.PriceService@1.0.0#pricing",
                "  name       pricing",
                "  interface  com.example.pricing.api.PriceService",
                "  API        1.0.0",
                "",
                "Implementations",
                "  active   com.example.pricing.impl/1.0.1  bundle 31, patch",
                "           since 2025-03-01 03:12:09; 3 calls, 0 errors, 1 running",
                "           reason: Bulk discount was taken twice, so every order of ten or more",
                "                   was undercharged (PRICING-42)",
                "  standby  com.example.pricing.impl/1.0.0  bundle 12",
                "           1204 calls, 1 error, 0 running",
                "",
                "Consumers",
                "  bundle 14  com.example.pricing.web 1.0.0",
                "",
                "Revert goes back to",
                "  com.example.pricing.impl/1.0.0",
                "",
                "Recent changes, newest first",
                "  2025-03-01 03:12:09  apply",
                "    com.example.pricing.api.PriceService@1.0.0#pricing",
                "    com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1",
                "    by shell: PRICING-42"));
    }

    @Test
    public void historyIsThreeLinesAnEntryNewestFirst() {
        LedgerEntryDTO[] entries = {
            Samples.entry(Samples.THREE_AM + 60_000, "revert", Samples.FIXED, Samples.ORIGINAL, "shell", null),
            Samples.entry(Samples.THREE_AM, "apply", null, Samples.FIXED, "alice", "PRICING-42") };
        assertFormat(entries, String.join("\n",
                "2025-03-01 03:13:09  revert  com.example.pricing.api.PriceService@1.0.0#pricing",
                "  com.example.pricing.impl/1.0.1 -> com.example.pricing.impl/1.0.0",
                "  by shell",
                "2025-03-01 03:12:09  apply   com.example.pricing.api.PriceService@1.0.0#pricing",
                "  none -> com.example.pricing.impl/1.0.1",
                "  by alice: PRICING-42"));
        assertFormat(new LedgerEntryDTO[0], "No changes recorded.");
    }

    @Test
    public void aChangeIsTheSlotThenFromAndTo() {
        assertFormat(Samples.change(Samples.SLOT, Samples.ORIGINAL, Samples.FIXED), String.join("\n",
                "com.example.pricing.api.PriceService@1.0.0#pricing",
                "  com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1"));
    }

    @Test
    public void aChangeThatDidNotDrainSaysSo() {
        ChangeDTO change = Samples.change(Samples.SLOT, Samples.ORIGINAL, Samples.FIXED);
        change.drained = false;
        assertFormat(change, String.join("\n",
                "com.example.pricing.api.PriceService@1.0.0#pricing",
                "  com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1",
                "  Calls that were running on com.example.pricing.impl/1.0.0 had not finished",
                "  when the drain timeout passed; they finish on it."));
    }

    @Test
    public void aNoOpIsTheManagersSentenceWrapped() {
        ChangeDTO change = Samples.change(Samples.SLOT, Samples.FIXED, Samples.FIXED);
        change.changed = false;
        change.message = Samples.FIXED + " is already applied to " + Samples.SLOT + "; nothing changed.";
        assertFormat(change, String.join("\n",
                "com.example.pricing.impl/1.0.1 is already applied to",
                "  com.example.pricing.api.PriceService@1.0.0#pricing; nothing changed."));
    }

    @Test
    public void statusIsYesOrNoThenWhere() {
        assertFormat(Samples.status(Samples.FIXED, Samples.SLOT), String.join("\n",
                "yes: com.example.pricing.impl/1.0.1 is applied: active in",
                "  com.example.pricing.api.PriceService@1.0.0#pricing."));
        PatchStatusDTO absent = new PatchStatusDTO();
        absent.patch = "com.example.pricing.impl/9.9.9";
        absent.slots = List.of();
        absent.message = absent.patch + " is not installed.";
        assertFormat(absent, "no: com.example.pricing.impl/9.9.9 is not installed.");
    }

    @Test
    public void statusEndsWithTheLedgerAndVerification() {
        PatchStatusDTO status = Samples.status(Samples.FIXED, Samples.SLOT);
        status.manager = Samples.managerStatus();
        assertFormat(status, String.join("\n",
                "yes: com.example.pricing.impl/1.0.1 is applied: active in",
                "  com.example.pricing.api.PriceService@1.0.0#pricing.",
                "The ledger is intact: 3 entries, chained.",
                "Patches are not verified: no trust store is configured (trust.store), so any",
                "  well-formed patch is applied."));
    }

    @Test
    public void anEditedLedgerIsAWarning() {
        ManagerStatusDTO status = Samples.managerStatus();
        status.ledgerIntact = false;
        status.ledger = "The ledger was edited: entry 2 (2025-03-01 03:12:09 UTC, apply of impl/1.0.1 on a.B@1.0.0)"
                + " does not match its hash.";
        status.verifying = true;
        status.verification = "Patches are verified: only jars wholly signed by a certificate of the trust store"
                + " /etc/patches.pem (trust.store) are applied.";
        assertFormat(status, String.join("\n",
                "WARNING: The ledger was edited: entry 2 (2025-03-01 03:12:09 UTC, apply of",
                "  impl/1.0.1 on a.B@1.0.0) does not match its hash.",
                "Patches are verified: only jars wholly signed by a certificate of the trust",
                "  store /etc/patches.pem (trust.store) are applied."));
    }

    @Test
    public void aVerifiedApplyNamesItsSigner() {
        LedgerEntryDTO entry = Samples.entry(Samples.THREE_AM, "apply", Samples.ORIGINAL, Samples.FIXED, "alice",
                "PRICING-42");
        entry.signer = "CN=Release signing,O=Example";
        assertFormat(new LedgerEntryDTO[] { entry }, String.join("\n",
                "2025-03-01 03:12:09  apply  com.example.pricing.api.PriceService@1.0.0#pricing",
                "  com.example.pricing.impl/1.0.0 -> com.example.pricing.impl/1.0.1",
                "  by alice: PRICING-42",
                "  signed by CN=Release signing,O=Example"));
    }

    @Test
    public void oneLineFormsForUseInsideOtherListings() {
        SlotDTO slot = Samples.slot();
        assertEquals(Samples.SLOT + " -> " + Samples.ORIGINAL, converter.format(slot, Converter.LINE, null));
        assertEquals(Samples.SLOT, converter.format(slot, Converter.PART, null));
        LedgerEntryDTO entry = Samples.entry(Samples.THREE_AM, "apply", Samples.ORIGINAL, Samples.FIXED, "x", null);
        assertEquals("2025-03-01 03:12:09 apply " + Samples.SLOT + ": " + Samples.ORIGINAL + " -> " + Samples.FIXED,
                converter.format(entry, Converter.LINE, null));
    }

    @Test
    public void otherTypesAreLeftToOtherConverters() {
        assertNull(converter.format("text", Converter.INSPECT, null));
        assertNull(converter.format(new Object[0], Converter.INSPECT, null));
        assertNull(converter.format(42, Converter.LINE, null));
        assertNull(converter.convert(SlotDTO.class, "1"));
    }

    private void assertFormat(Object value, String expected) {
        String text = String.valueOf(converter.format(value, Converter.INSPECT, null));
        assertEquals(expected, text);
        text.lines().forEach(line -> assertTrue("within 80 columns: " + line, line.length() < 80));
    }

    /** The sample slot after the fix: the fix active and serving, the original on standby and on the revert stack. */
    private static SlotDTO patched() {
        SlotDTO slot = Samples.slot();
        ImplementationDTO original = slot.active;
        original.state = "standby";
        original.activeSince = 0;
        ImplementationDTO fix = Samples.implementation(Samples.FIXED, 31, "active");
        fix.patch = true;
        fix.patchReason = "Bulk discount was taken twice, so every order of ten or more was undercharged"
                + " (PRICING-42)";
        fix.activeSince = Samples.THREE_AM;
        fix.calls = 3;
        fix.inFlight = 1;
        slot.active = fix;
        slot.standby = List.of(original);
        slot.previous = List.of(Samples.ORIGINAL);
        return slot;
    }
}
