package io.patchbay.shell;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.patchbay.api.PatchException;
import io.patchbay.api.dto.ChangeDTO;
import io.patchbay.api.dto.LedgerEntryDTO;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.Test;

/** The commands against a fake manager: each one is exactly one manager call with the typed words. */
public class PatchCommandsTest {

    private static final List<String> FUNCTIONS = List.of("patch", "list", "info", "apply", "revert", "activate",
            "history", "status");

    private final FakePatchManager manager = new FakePatchManager();
    private final PatchCommands commands = new PatchCommands(manager);

    @Test
    public void listReturnsTheManagersSlots() {
        assertArrayEquals(new Object[] { manager.slot }, commands.list());
        assertEquals(List.of("slots"), manager.calls);
    }

    @Test
    public void infoAddsTheSlotsNewestLedgerEntries() {
        for (int i = 0; i < 7; i++) {
            manager.ledger.add(0, Samples.entry(i, "apply", Samples.ORIGINAL, Samples.FIXED, "shell", null));
        }
        SlotInfo info = commands.info("1");
        assertSame(manager.slot, info.slot);
        assertEquals(PatchCommands.RECENT, info.recent.size());
        assertEquals(6, info.recent.get(0).time);
        assertEquals(List.of("slot 1", "history " + Samples.SLOT), manager.calls);
    }

    @Test
    public void applyWithoutFlagsLeavesTheReasonToThePatchAndNamesTheShell() {
        ChangeDTO change = commands.apply(session(Path.of("/tmp")), "", "", "", "/patches/fix.jar");
        assertEquals(Samples.FIXED, change.to);
        assertEquals(List.of("apply /patches/fix.jar reason=null actor=shell"), manager.calls);
    }

    @Test
    public void applyWithASlotNamesItForAPlainBundle() {
        commands.apply(session(Path.of("/tmp")), "", "", "PriceService", "/patches/eventadmin.jar");
        assertEquals("applyTo PriceService /patches/eventadmin.jar reason=null actor=shell",
                manager.calls.get(manager.calls.size() - 1));
    }

    @Test
    public void applyPassesReasonAndActor() {
        commands.apply(session(Path.of("/tmp")), "PRICING-42", "alice", "", "/patches/fix.jar");
        assertEquals(List.of("apply /patches/fix.jar reason=PRICING-42 actor=alice"), manager.calls);
    }

    @Test
    public void aRelativePathIsTheShellsCurrentDirectory() {
        commands.apply(session(Path.of("/srv/patches")), "", "", "", "incoming/../fix.jar");
        assertEquals(List.of("apply /srv/patches/fix.jar reason=null actor=shell"), manager.calls);
    }

    @Test
    public void aRelativePathFollowsGogosCd() {
        commands.apply(session(Path.of("/srv"), Map.of("_cwd", new File("/srv/patches"))), "", "", "", "fix.jar");
        commands.apply(session(Path.of("/srv"), Map.of("_cwd", new File("/opt").toURI())), "", "", "", "fix.jar");
        assertEquals(List.of("apply /srv/patches/fix.jar reason=null actor=shell",
                "apply /opt/fix.jar reason=null actor=shell"), manager.calls);
    }

    @Test
    public void aUrlIsPassedAsTyped() {
        commands.apply(session(Path.of("/srv")), "", "", "", " https://repo.example.com/fix.jar ");
        commands.apply(session(Path.of("/srv")), "", "", "", "file:fix.jar");
        assertEquals(List.of("apply https://repo.example.com/fix.jar reason=null actor=shell",
                "apply file:fix.jar reason=null actor=shell"), manager.calls);
    }

    @Test
    public void theManagersSentenceReachesTheOperatorUnchanged() {
        PatchException refused = assertThrows(PatchException.class,
                () -> commands.apply(session(Path.of("/srv")), "", "", "", "/nowhere/notes.txt"));
        assertEquals("There is no file /nowhere/notes.txt.", refused.getMessage());
        PatchException unknown = assertThrows(PatchException.class, () -> commands.revert("", "", "Nope"));
        assertEquals("No slot matches 'Nope'; the slots are: " + Samples.SLOT + ".", unknown.getMessage());
    }

    @Test
    public void revertAndActivateTranslate() {
        commands.revert("back out", "", "PriceService");
        commands.activate("", "bob", "1", Samples.FIXED);
        assertEquals(List.of("revert PriceService reason=back out actor=shell",
                "activate 1 " + Samples.FIXED + " reason=null actor=bob"), manager.calls);
    }

    @Test
    public void historyOfAllOrOfOneSlot() {
        LedgerEntryDTO entry = Samples.entry(1, "apply", Samples.ORIGINAL, Samples.FIXED, "shell", null);
        manager.ledger.add(entry);
        assertArrayEquals(new Object[] { entry }, commands.history());
        assertArrayEquals(new Object[] { entry }, commands.history("PriceService"));
        assertEquals(List.of("history null", "history PriceService"), manager.calls);
    }

    @Test
    public void statusTranslates() {
        assertTrue(commands.status(Samples.FIXED).applied);
        assertEquals(List.of("status " + Samples.FIXED), manager.calls);
    }

    @Test
    public void statusWithoutAPatchAsksForTheManagersState() {
        assertEquals(Samples.managerStatus().ledger, commands.status().ledger);
        assertEquals(List.of("status"), manager.calls);
    }

    @Test
    public void everyCommandAndParameterIsDescribedForHelp() {
        List<Method> methods = Stream.of(PatchCommands.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).toList();
        assertEquals(FUNCTIONS.stream().sorted().toList(),
                methods.stream().map(Method::getName).distinct().sorted().toList());
        for (Method method : methods) {
            Descriptor description = method.getAnnotation(Descriptor.class);
            assertNotNull(method + " has a description", description);
            assertFitsHelp(method.getName() + " - " + description.value());
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                Annotation[] annotations = method.getParameterAnnotations()[i];
                Descriptor described = annotation(annotations, Descriptor.class);
                Parameter option = annotation(annotations, Parameter.class);
                assertTrue(method + " parameter " + i + " is described", types[i] == CommandSession.class
                        || described != null);
                if (option != null) {
                    assertFitsHelp("      " + String.join(", ", option.names()) + "   " + described.value()
                            + " [optional]");
                } else if (described != null) {
                    assertFitsHelp("      " + types[i].getSimpleName() + "   " + described.value());
                }
            }
        }
    }

    /** A line as gogo.command's {@code help} prints it must fit an 80-column terminal. */
    private static void assertFitsHelp(String line) {
        assertTrue("help line within 80 columns: " + line, line.length() < 80);
    }

    private static <A extends Annotation> A annotation(Annotation[] annotations, Class<A> type) {
        return Stream.of(annotations).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    @Test
    public void theOverviewNamesEveryCommandWithinEightyColumns() {
        String overview = commands.patch();
        for (String function : FUNCTIONS.subList(1, FUNCTIONS.size())) {
            assertTrue(function, overview.contains("patch:" + function + " "));
        }
        overview.lines().forEach(line -> assertTrue(line, line.length() <= Text.WIDTH));
    }

    private static CommandSession session(Path currentDir) {
        return session(currentDir, Map.of());
    }

    /** A session with the JVM-wide {@code currentDir} and the session {@code variables}. */
    private static CommandSession session(Path currentDir, Map<String, Object> variables) {
        return (CommandSession) Proxy.newProxyInstance(PatchCommandsTest.class.getClassLoader(),
                new Class<?>[] { CommandSession.class }, (proxy, method, args) -> {
                    if (method.getName().equals("currentDir") && args == null) {
                        return currentDir;
                    }
                    if (method.getName().equals("get") && args.length == 1) {
                        return variables.get(args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
