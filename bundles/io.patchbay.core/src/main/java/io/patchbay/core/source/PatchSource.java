package io.patchbay.core.source;

import io.patchbay.api.PatchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where a patch jar is read from, as apply, a canary and the dry run name it: a file path or a URL. */
public final class PatchSource {

    private PatchSource() {
    }

    /** Opens {@code location}: a URL ({@link UrlSource}, bounded by the two timeouts) or a file path. */
    public static InputStream open(String location, long connectMillis, long readMillis) throws IOException {
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !location.matches("^[a-zA-Z]:\\\\.*")) {
            return UrlSource.open(location, connectMillis, readMillis);
        }
        Path path;
        try {
            path = Path.of(location);
        } catch (InvalidPathException e) {
            throw new PatchException(location + " is not a valid file path.");
        }
        if (!Files.isRegularFile(path)) {
            throw new PatchException("There is no file " + path.toAbsolutePath() + ".");
        }
        return Files.newInputStream(path);
    }
}
