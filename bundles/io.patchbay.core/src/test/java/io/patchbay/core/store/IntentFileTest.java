package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What an operation in progress leaves on disk is what the next start reads back; a finished one leaves nothing. */
public class IntentFileTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void anUnfinishedOperationIsReadBackWholeByTheNextStart() {
        Path file = folder.getRoot().toPath().resolve("operations.properties");
        Intent apply = new Intent(42L, "apply", "shell:ops", "Slot@1.0.0#pricing", "impl/1.0.0", "impl/1.0.1",
                "PRICING-42: bulk discount, é", "abc123", "CN=Release, O=Example", "patchbay:patch/impl/1.0.1");
        new IntentFile(file).begin(apply); // the process stops here

        assertEquals(List.of(apply), new IntentFile(file).pending());
    }

    @Test
    public void aFinishedOperationLeavesNoFile() {
        Path file = folder.getRoot().toPath().resolve("operations.properties");
        IntentFile intents = new IntentFile(file);
        Intent revert = new Intent(7L, "revert", "jmx", "Slot@1.0.0#pricing", "impl/1.0.1", "impl/1.0.0", null,
                null, null, null);
        intents.begin(revert);
        assertTrue(intents.inProgress(revert.key()));

        intents.finish(revert.key());

        assertFalse(Files.exists(file));
        assertTrue(new IntentFile(file).pending().isEmpty());
    }
}
