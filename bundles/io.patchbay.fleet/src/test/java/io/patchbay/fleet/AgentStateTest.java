package io.patchbay.fleet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AgentStateTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aDecidedOutcomeSurvivesAReload() throws Exception {
        Path file = folder.getRoot().toPath().resolve("state.json");
        AgentState state = new AgentState();
        state.controllerId = "host-1";
        state.applied.add(AgentState.Applied.of("slot", "impl/1.0.1", "impl/1.0.0", 12));
        state.begin(12);
        state.decide("failure", "Reverted: it failed.");
        state.save(file);
        assertFalse(Files.exists(file.resolveSibling("state.json.next")));

        AgentState loaded = AgentState.load(file);
        assertEquals("host-1", loaded.controllerId);
        assertEquals("impl/1.0.1", loaded.applied.get(0).implementation);
        assertEquals(12, loaded.applied.get(0).actionId);
        assertTrue(loaded.decided(12));
        assertFalse(loaded.decided(13));
        assertEquals("Reverted: it failed.", loaded.action.reason);
        assertFalse(loaded.action.reported);
    }

    @Test
    public void aFailureSavedBeforeItsRevertsIsNeitherDecidedNorForgottenAfterAReload() throws Exception {
        Path file = folder.getRoot().toPath().resolve("state.json");
        AgentState state = new AgentState();
        state.begin(7);
        state.fail("Reverted: impl/1.0.2 failed 3 of 60 calls.");
        state.save(file);

        AgentState loaded = AgentState.load(file);
        assertTrue(loaded.failing(7));
        assertFalse(loaded.failing(8));
        assertFalse(loaded.decided(7)); // not reported until its reverts are done
        assertEquals("Reverted: impl/1.0.2 failed 3 of 60 calls.", loaded.action.reason);
        loaded.decide("failure", loaded.action.reason);
        assertFalse(loaded.failing(7));
        assertTrue(loaded.decided(7));
    }

    @Test
    public void noFileIsAFreshState() throws Exception {
        AgentState state = AgentState.load(folder.getRoot().toPath().resolve("none.json"));
        assertTrue(state.applied.isEmpty());
        assertEquals(null, state.action);
    }
}
