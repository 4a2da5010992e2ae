package io.patchbay.core.patch;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.osgi.framework.BundleException;

public class StartFailuresTest {

    private static final String FILTER = "osgi.wiring.package; (&(osgi.wiring.package=com.nowhere.missing)"
            + "(version>=1.0.0)(!(version>=2.0.0)))";

    @Test
    public void felixsExplanationNamesTheRequirementWithoutTheBundleIdOfThePatch() {
        String felix = "Unable to resolve bad.patch [31](R 31.0): missing requirement [bad.patch [31](R 31.0)] "
                + FILTER + " Unresolved requirements: [[bad.patch [31](R 31.0)] " + FILTER + "]";
        assertEquals("fix.jar does not resolve: missing requirement " + FILTER + ".",
                StartFailures.explain("fix.jar", new BundleException(felix, BundleException.RESOLVE_ERROR)));
    }

    @Test
    public void theResolverServicesExplanationReadsTheSame() {
        String resolver = "Unable to resolve bad.patch/1.0.0: missing requirement [bad.patch/1.0.0] " + FILTER;
        assertEquals("fix.jar does not resolve: missing requirement " + FILTER + ".",
                StartFailures.explain("fix.jar", new BundleException(resolver, BundleException.RESOLVE_ERROR)));
    }

    @Test
    public void aCauseNamingAnotherBundleIsKept() {
        String felix = "Unable to resolve p [9](R 9.0): missing requirement [p [9](R 9.0)] osgi.wiring.package; "
                + "(osgi.wiring.package=a) [caused by: Unable to resolve q [5](R 5.0): missing requirement "
                + "[q [5](R 5.0)] osgi.wiring.package; (osgi.wiring.package=b)]";
        assertEquals("p.jar does not resolve: missing requirement osgi.wiring.package; (osgi.wiring.package=a) "
                + "[caused by: Unable to resolve q [5](R 5.0): missing requirement [q [5](R 5.0)] "
                + "osgi.wiring.package; (osgi.wiring.package=b)].",
                StartFailures.explain("p.jar", new BundleException(felix, BundleException.RESOLVE_ERROR)));
    }

    @Test
    public void equinoxsOwnWordsAreKept() {
        String equinox = "Could not resolve module: bad.patch [31]\n  Unresolved requirement: Import-Package: x";
        assertEquals("fix.jar does not resolve: " + equinox + ".",
                StartFailures.explain("fix.jar", new BundleException(equinox, BundleException.RESOLVE_ERROR)));
    }

    @Test
    public void aResolveErrorWithoutAMessageSaysTheFrameworkGaveNoReason() {
        assertEquals("fix.jar does not resolve: the framework gave no reason.",
                StartFailures.explain("fix.jar", new BundleException(null, BundleException.RESOLVE_ERROR)));
    }

    @Test
    public void anUnclosedRequirerIsKeptAsFelixWroteIt() {
        assertEquals("fix.jar does not resolve: missing requirement [bad.patch [31].",
                StartFailures.explain("fix.jar", new BundleException("missing requirement [bad.patch [31]",
                        BundleException.RESOLVE_ERROR)));
    }

    @Test
    public void anActivatorFailureNamesWhatTheActivatorThrew() {
        assertEquals("fix.jar failed to start: its activator threw java.lang.IllegalStateException: no db.",
                StartFailures.explain("fix.jar", new BundleException("Activator start error",
                        BundleException.ACTIVATOR_ERROR, new IllegalStateException("no db"))));
        assertEquals("fix.jar failed to start: its activator threw Activator start error.",
                StartFailures.explain("fix.jar", new BundleException("Activator start error",
                        BundleException.ACTIVATOR_ERROR)));
        assertEquals("fix.jar failed to start: Bundle is locked.",
                StartFailures.explain("fix.jar", new BundleException("Bundle is locked",
                        BundleException.STATECHANGE_ERROR)));
    }
}
