package io.patchbay.launcher.storm;

import java.nio.file.Path;
import java.util.List;

/**
 * A slot the storm drives: its id, the implementation it starts on, every implementation it has once the patch
 * jars are installed (activate and canary pick among them), the patch jars (apply picks among them), and whether
 * apply must name the slot (a patch for several slots).
 */
public record StormSlot(String id, String original, List<String> implementations, List<Path> patches,
        boolean applyNamesSlot) {
}
