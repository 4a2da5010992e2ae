package io.patchbay.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.example.pricing.api.PriceService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The container as the launcher assembles it: every bundle active, the example endpoint and the console up. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerIT {

    @Inject
    private BundleContext context;

    @Inject
    private PriceService prices;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return Container.onApi1(probe);
    }

    @Configuration
    public Option[] config() {
        return new Option[] { Container.options(Container.freePort()) };
    }

    @Test
    public void everyEmbeddedBundleIsActiveOrAResolvedFragment() {
        List<String> names = Container.embeddedBundles().stream().map(f -> f.getName()).toList();
        List<Bundle> ours = Stream.of(context.getBundles())
                .filter(b -> names.stream().anyMatch(n -> b.getLocation().endsWith("/" + n)))
                .toList();
        assertEquals("every embedded bundle installed", names.size(), ours.size());
        for (Bundle bundle : ours) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            assertEquals(bundle.getSymbolicName() + " state", expected, bundle.getState());
        }
    }

    @Test
    public void pricingEndpointAnswersJsonNamingTheImplementation() {
        HttpResponse<String> answer = new Http(context).await("/pricing/quote?sku=WIDGET&qty=10", 200,
                Duration.ofSeconds(20));
        assertEquals("application/json;charset=utf-8",
                answer.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""));
        assertEquals("{\"sku\":\"WIDGET\",\"quantity\":10,\"unitPrice\":10.00,\"total\":81.00,"
                + "\"servedBy\":\"com.example.pricing.impl 1.0.0\"}", answer.body());
    }

    @Test
    public void pricingEndpointExplainsBadInput() {
        Http http = new Http(context);
        http.await("/pricing/quote?sku=WIDGET", 200, Duration.ofSeconds(20));
        HttpResponse<String> unknown = http.get("/pricing/quote?sku=NOPE&qty=1");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("Unknown sku 'NOPE'"));
        assertEquals(400, http.get("/pricing/quote?qty=1").statusCode());
    }

    @Test
    public void serviceIsReachableInProcess() {
        assertEquals("30.00", prices.quote("WIDGET", 3).total().toPlainString());
    }

    @Test
    public void webConsoleRequiresTheConfiguredPassword() {
        Http http = new Http(context);
        http.await("/system/console/bundles", 401, Duration.ofSeconds(20));
        assertEquals(401, http.get("/system/console/bundles", "admin", "admin").statusCode());
        assertEquals(200, http.get("/system/console/bundles", "admin", Container.CONSOLE_PASSWORD).statusCode());
    }
}
