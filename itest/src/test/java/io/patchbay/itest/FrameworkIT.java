package io.patchbay.itest;

import static org.junit.Assert.assertEquals;

import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The framework the tests of this failsafe execution run in is the one it names ({@code patchbay.framework}): Felix
 * by default, Eclipse Equinox in the {@code equinox} execution, so that its green tests mean Equinox.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return new Option[] { Container.options(Container.freePort()) };
    }

    @Test
    public void theTestsRunInTheFrameworkTheirExecutionNames() {
        assertEquals(System.getProperty("patchbay.framework", "org.apache.felix.framework"),
                context.getBundle(0).getSymbolicName());
    }
}
