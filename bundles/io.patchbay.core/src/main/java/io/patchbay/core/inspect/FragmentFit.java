package io.patchbay.core.inspect;

import io.patchbay.core.patch.PatchJar;
import io.patchbay.core.slot.Implementation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * Whether a fragment patch's classes would come before its host's own: the host's {@code Bundle-ClassPath} must
 * have, before {@code .}, an entry the host lacks and the fragment fills (what {@code cnf/patchable.bnd} sets up
 * with {@code patch,.}). Otherwise the fragment attaches and its classes are never loaded.
 */
final class FragmentFit {

    private FragmentFit() {
    }

    static boolean patchable(Bundle host, Path fragmentJar, Attributes fragmentManifest) {
        Content own = new BundleContent(host);
        Content fragment = new JarContent(fragmentJar, "", fragmentManifest);
        try {
            for (String entry : own.classPathEntries()) {
                if (entry.equals(".")) {
                    return false;
                }
                String path = entry.startsWith("/") ? entry.substring(1) : entry;
                boolean lacks = !own.isFolder(path) && own.read(path) == null;
                if (lacks && (fragment.isFolder(path) || fragment.read(path) != null)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    static String notPatchable(Bundle host, PatchJar patch) {
        String classPath = host.getHeaders("").get(Constants.BUNDLE_CLASSPATH);
        return Implementation.bundleId(host) + " is not patchable: its Bundle-ClassPath ("
                + (classPath == null ? "." : classPath) + ") has no entry before . that it lacks and "
                + patch.name() + " fills, so the fragment's classes would come after the host's own and replace"
                + " none of them; build the host with -include: ${patchbay.cnf}/patchable.bnd.";
    }
}
