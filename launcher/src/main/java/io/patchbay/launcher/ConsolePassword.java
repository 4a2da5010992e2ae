package io.patchbay.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The web console password for user {@code admin}: the configured one, or a random one generated on the first
 * start and kept, readable by the owner only, in {@code <data>/console-password}. The password is never printed.
 *
 * @param value the password
 * @param file where it is stored, empty when it was configured
 */
record ConsolePassword(String value, Optional<Path> file) {

    static final String FILE_NAME = "console-password";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final int RANDOM_BYTES = 15; // 20 URL-safe Base64 characters, 120 bits

    static ConsolePassword resolve(LauncherConfig config) throws LaunchException {
        if (config.consolePassword().isPresent()) {
            return new ConsolePassword(config.consolePassword().get(), Optional.empty());
        }
        Path file = config.dataDir().resolve(FILE_NAME);
        try {
            return new ConsolePassword(readOrCreate(file), Optional.of(file));
        } catch (IOException e) {
            throw new LaunchException("Cannot read or write the console password file " + file + " (" + e
                    + "); fix its permissions or set a password with " + LauncherConfig.PASSWORD.howToSet() + ".");
        }
    }

    static String readOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                tightenPermissions(file);
                return stored;
            }
        }
        String password = generate();
        writeOwnerOnly(file, password + "\n");
        return password;
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes through a temporary file created owner-only, then moves it in place atomically. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly());
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void tightenPermissions(Path file) throws IOException {
        if (!isPosix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            permissions.retainAll(OWNER_ONLY);
            Files.setPosixFilePermissions(file, permissions);
            System.err.println("Made the console password file " + file + " readable by its owner only.");
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return isPosix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
