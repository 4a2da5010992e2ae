package io.patchbay.core.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RouteStoreTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void routesSurviveANewStoreOnTheSameFile() throws Exception {
        Path file = folder.getRoot().toPath().resolve("state/routes.properties");
        new RouteStore(file).put("a.B@1.0.0",
                new SavedRoute("impl/1.0.1", List.of("impl/1.0.0"), Set.of("impl/1.0.0", "impl/1.0.1")));

        SavedRoute loaded = new RouteStore(file).get("a.B@1.0.0");
        assertEquals("impl/1.0.1", loaded.active());
        assertEquals(List.of("impl/1.0.0"), loaded.previous());
        assertEquals(Set.of("impl/1.0.0", "impl/1.0.1"), loaded.known());
        assertFalse("no temporary file is left behind", Files.exists(file.resolveSibling("routes.properties.tmp")));
    }

    @Test
    public void aMissingFileMeansNoRoutes() {
        assertNull(new RouteStore(folder.getRoot().toPath().resolve("none.properties")).get("x@1.0.0"));
    }

    @Test
    public void aLeftoverTemporaryFileFromACrashIsIgnored() throws Exception {
        Path file = folder.getRoot().toPath().resolve("routes.properties");
        new RouteStore(file).put("a.B@1.0.0", new SavedRoute("impl/1.0.0", List.of(), Set.of("impl/1.0.0")));
        Files.writeString(file.resolveSibling("routes.properties.tmp"), "a.B@1.0.0.active=half-writ");
        assertEquals("impl/1.0.0", new RouteStore(file).get("a.B@1.0.0").active());
    }
}
