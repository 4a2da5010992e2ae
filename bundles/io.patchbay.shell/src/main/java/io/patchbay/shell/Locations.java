package io.patchbay.shell;

import java.io.File;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandSession;

/** Where a typed patch location points: a URL as typed, a relative path from the shell's current directory. */
final class Locations {

    /** A URL scheme of two letters or more, so that a Windows drive letter stays a path. */
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    /** The session variable where gogo.command's {@code cd} keeps the current directory. */
    private static final String CWD = "_cwd";

    private Locations() {
    }

    /**
     * A relative path means the shell's current directory, the one Gogo's {@code cd} moved to (and that
     * {@code install} also reads), not the JVM's.
     */
    static String resolve(CommandSession session, String location) {
        String trimmed = location.trim();
        Path cwd = session == null ? null : currentDir(session);
        if (cwd == null || URL.matcher(trimmed).matches()) {
            return trimmed;
        }
        try {
            Path path = Path.of(trimmed);
            return path.isAbsolute() ? trimmed : cwd.resolve(path).normalize().toString();
        } catch (InvalidPathException e) {
            return trimmed; // the manager names what is wrong with it
        }
    }

    /** Whether {@code location} is a URL (a scheme of two letters or more), not a file path. */
    static boolean isUrl(String location) {
        return URL.matcher(location.trim()).matches();
    }

    /** gogo.command's {@code cd} keeps the directory in {@code _cwd}, not in {@link CommandSession#currentDir()}. */
    private static Path currentDir(CommandSession session) {
        Object cwd = session.get(CWD);
        if (cwd instanceof File file) {
            return file.toPath();
        }
        if (cwd instanceof URI uri && "file".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        return session.currentDir();
    }
}
