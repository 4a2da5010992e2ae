package io.patchbay.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.DiffDTO;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code patch:check} and {@code patch:diff}: one inspector call each, a refusal thrown as it came. */
public class InspectCommandsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> calls = new ArrayList<>();
    private final CheckDTO check = new CheckDTO();
    private final DiffDTO diff = new DiffDTO();
    private final InspectCommands commands = new InspectCommands(new PatchInspector() {
        @Override
        public CheckDTO check(String location, String slot) {
            calls.add("check " + location + " slot=" + slot);
            if (location.contains("bad")) {
                throw new PatchException(location + " is not a jar file.");
            }
            return check;
        }

        @Override
        public CheckDTO check(InputStream patch, String name, String slot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DiffDTO diff(String location, String slot) {
            calls.add("diff " + location + " slot=" + slot);
            return diff;
        }

        @Override
        public DiffDTO diff(InputStream patch, String name, String slot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DiffDTO diffSlot(String slot) {
            calls.add("diffSlot " + slot);
            return diff;
        }
    });

    @Test
    public void checkReadsARelativePathFromTheShellsDirectory() {
        Path cwd = folder.getRoot().toPath();
        assertSame(check, commands.check(session(cwd), "", "fix.jar"));
        assertSame(check, commands.check(session(cwd), "premium", "http://host/fix.jar"));
        assertEquals(List.of("check " + cwd.resolve("fix.jar") + " slot=null", "check http://host/fix.jar slot=premium"),
                calls);
    }

    @Test
    public void aRefusedCheckIsTheInspectorsExceptionUnchanged() {
        PatchException refused = assertThrows(PatchException.class, () -> commands.check(null, "", "/tmp/bad"));
        assertEquals("/tmp/bad is not a jar file.", refused.getMessage());
    }

    @Test
    public void diffTakesAJarAFileOrAUrlAsAPatchAndAnythingElseAsASlot() throws Exception {
        Path cwd = folder.getRoot().toPath();
        Files.writeString(cwd.resolve("fix"), "a file, whatever its name");
        commands.diff(session(cwd), "", "missing.jar");
        commands.diff(session(cwd), "", "fix");
        commands.diff(session(cwd), "pricing", "https://host/fix");
        commands.diff(session(cwd), "", "PriceService@1.0.0");
        commands.diff(session(cwd), "", " 1 ");
        assertEquals(List.of("diff " + cwd.resolve("missing.jar") + " slot=null", "diff " + cwd.resolve("fix")
                + " slot=null", "diff https://host/fix slot=pricing", "diffSlot PriceService@1.0.0", "diffSlot 1"),
                calls);
    }

    @Test
    public void theHelpOverviewNamesBothCommands() {
        String overview = new PatchCommands(new FakePatchManager()).patch();
        assertTrue(overview, overview.contains("patch:check <path|URL>"));
        assertTrue(overview, overview.contains("patch:diff <path|URL|slot>"));
        overview.lines().forEach(line -> assertTrue(line, line.length() <= Text.WIDTH));
    }

    private static CommandSession session(Path currentDir) {
        return (CommandSession) Proxy.newProxyInstance(InspectCommandsTest.class.getClassLoader(),
                new Class<?>[] { CommandSession.class }, (proxy, method, args) -> {
                    if (method.getName().equals("currentDir") && args == null) {
                        return currentDir;
                    }
                    if (method.getName().equals("get") && args.length == 1) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
