package io.patchbay.itest;

import static io.patchbay.itest.Fixtures.ORIGINAL;
import static io.patchbay.itest.Fixtures.SLOT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import io.patchbay.api.PatchManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Pax Exam setup the tests in a real framework share: one container per test class with the launcher's bundles
 * on a free HTTP port ({@link Container#options}), the bundle context and the patch manager injected. A test adds
 * the four kinds of consumer with {@link #withConsumers()} and its own options (framework properties, fixture
 * bundles) with {@link #extras()}. Pax Exam finds the inherited {@code @Configuration} method and injects the
 * inherited fields; {@code @RunWith} and {@code @ExamReactorStrategy} are inherited annotations.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class ContainerTest {

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(20);

    @Inject
    protected BundleContext context;

    @Inject
    protected PatchManager manager;

    @Configuration
    public Option[] config() throws Exception {
        int port = Container.freePort();
        List<Option> options = new ArrayList<>();
        options.add(withConsumers() ? Container.withConsumers(port) : Container.options(port));
        options.addAll(extras());
        return options.toArray(Option[]::new);
    }

    /** True for a test that needs the four kinds of consumer (and the short apply timeout that comes with them). */
    protected boolean withConsumers() {
        return false;
    }

    /** The test's own options beside the container's. */
    protected List<Option> extras() throws Exception {
        return List.of();
    }

    /** Back to the starting point, checked: no patch installed, the example's original implementation active. */
    protected void backToTheOriginal() throws BundleException {
        Fixtures.removePatches(context);
        assertEquals(ORIGINAL, manager.slot(SLOT).active.id);
    }

    /** Waits (with a deadline) until a service matching {@code filter} is registered. */
    protected void awaitService(String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open(true);
        try {
            assertNotNull("a service " + filter, tracker.waitForService(SERVICE_TIMEOUT.toMillis()));
        } finally {
            tracker.close();
        }
    }
}
