package io.patchbay.launcher.storm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The Java API's operator as a bundle to drop into the container: a jar built from the storm's own classes
 * ({@link ApiDriver} and what it runs), with the storm's deadline, seed, slots and journal file in its manifest,
 * importing only the OSGi framework, its tracker and Patchbay's API. Also the journal's line format.
 */
public final class DriverBundle {

    static final String UNTIL = "Storm-Until-Millis";
    static final String SEED = "Storm-Seed";
    static final String SLOTS = "Storm-Slots";
    static final String JOURNAL = "Storm-Journal";

    /** By name: the storm's own JVM need not load the OSGi and Patchbay types these use. */
    private static final List<String> CLASSES = List.of("ApiDriver", "ApiFrontEnd", "Operator", "FrontEnd", "Action",
            "Answer", "Outcome", "Operation", "StormSlot", "DriverBundle");

    private DriverBundle() {
    }

    /** Writes the bundle to {@code jar}. */
    public static void build(Path jar, long untilMillis, long seed, List<StormSlot> slots, Path journal)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.patchbay.storm.driver");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", DriverBundle.class.getPackageName() + ".ApiDriver");
        main.putValue("Import-Package", "org.osgi.framework,org.osgi.util.tracker,io.patchbay.api,io.patchbay.api.dto");
        main.putValue(UNTIL, Long.toString(untilMillis));
        main.putValue(SEED, Long.toString(seed));
        main.putValue(SLOTS, slots.stream().map(DriverBundle::slot).collect(Collectors.joining(";")));
        main.putValue(JOURNAL, journal.toString());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String type : CLASSES) {
                String path = DriverBundle.class.getPackageName().replace('.', '/') + "/" + type;
                copy(out, path + ".class", true);
                for (int i = 1; copy(out, path + "$" + i + ".class", false); i++) {
                    // the switch maps and lambdas' holders the compiler made for it
                }
            }
        }
    }

    private static boolean copy(JarOutputStream out, String entry, boolean required) throws IOException {
        try (InputStream in = DriverBundle.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                if (required) {
                    throw new IOException("No " + entry + " on the class path");
                }
                return false;
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
            return true;
        }
    }

    private static String slot(StormSlot slot) {
        return String.join("|", slot.id(), slot.original(), String.join(",", slot.implementations()),
                slot.patches().stream().map(Path::toString).collect(Collectors.joining(",")),
                Boolean.toString(slot.applyNamesSlot()));
    }

    static List<StormSlot> slots(String header) {
        List<StormSlot> slots = new ArrayList<>();
        for (String slot : header.split(";")) {
            String[] parts = slot.split("\\|");
            slots.add(new StormSlot(parts[0], parts[1], List.of(parts[2].split(",")),
                    Arrays.stream(parts[3].split(",")).map(Path::of).toList(), Boolean.parseBoolean(parts[4])));
        }
        return slots;
    }

    static String line(Operation operation) {
        return String.join("\t", operation.frontEnd(), operation.action().name(), operation.slot(), operation.tag(),
                operation.outcome().name(), Long.toString(operation.nanos()),
                String.valueOf(operation.answer()).replaceAll("\\s+", " "));
    }

    /** The journal the driver wrote. */
    public static List<Operation> read(Path journal) throws IOException {
        List<Operation> operations = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 7);
            operations.add(new Operation(f[0], Action.valueOf(f[1]), f[2], f[3], Outcome.valueOf(f[4]),
                    Long.parseLong(f[5]), f[6]));
        }
        return operations;
    }
}
