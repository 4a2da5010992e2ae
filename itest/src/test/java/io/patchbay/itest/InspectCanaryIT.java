package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.FIXED;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.CanaryDTO;
import io.patchbay.api.dto.CanarySpecDTO;
import java.util.List;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** A slot with a canary in progress: apply refuses another patch for it, and so does the dry run, in its words. */
public class InspectCanaryIT extends ContainerTest {

    @Inject
    private PatchInspector inspector;

    @Override
    protected boolean withConsumers() {
        return true;
    }

    @Before
    public void startFromTheOriginal() throws Exception {
        backToTheOriginal();
    }

    @After
    public void endCanaries() throws Exception {
        for (CanaryDTO canary : manager.canaries()) {
            manager.revert(canary.slot, "test over", "itest");
        }
        Fixtures.removePatches(context);
    }

    @Test
    public void aCheckDuringACanaryIsRefusedAsApplyIsRefused() {
        CanarySpecDTO spec = new CanarySpecDTO();
        spec.split = CanarySpecDTO.CHOSEN_KEYS;
        spec.keys = new String[] { "acme" };
        spec.autoPromote = false;
        manager.canary(null, Container.fixPatch().getPath(), spec, null, "itest");
        List<String> bundles = Fixtures.bundles(context);
        int ledger = manager.history(null).size();
        String fragment = Container.fragmentPatch().getPath();
        PatchException checked = assertThrows(PatchException.class, () -> inspector.check(fragment, null));
        PatchException applied = assertThrows(PatchException.class, () -> manager.apply(fragment, null, "itest"));
        assertEquals(SLOT + " has a canary of " + FIXED + " in progress; promote or revert it first.",
                applied.getMessage());
        assertEquals(applied.getMessage(), checked.getMessage());
        assertEquals(bundles, Fixtures.bundles(context));
        assertEquals(ledger, manager.history(null).size());
    }
}
