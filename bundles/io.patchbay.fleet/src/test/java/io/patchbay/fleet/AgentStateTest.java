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
    public void noFileIsAFreshState() throws Exception {
        AgentState state = AgentState.load(folder.getRoot().toPath().resolve("none.json"));
        assertTrue(state.applied.isEmpty());
        assertEquals(null, state.action);
    }
}
