package io.patchbay.bench.calls;

import com.example.pricing.api.PriceService;
import com.example.pricing.api.Quote;
import com.example.pricing.impl.PriceServiceImpl;
import io.patchbay.bench.felix.Felix;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Per-call cost of reaching one implementation through one interface: directly, through a Patchbay generated
 * facade, through a reflective {@link java.lang.reflect.Proxy}, and through {@link ServiceTracker#getService()}
 * per call in an embedded Felix, and (the {@code facadeScoped} rows) through a facade routed to a bundle-scoped
 * registration in that Felix, the path of every DS service. Two methods: {@link Counter#next()} returns a field (so only the path shows) and
 * the example application's {@link PriceService#quote} (BigDecimal arithmetic and a record). Every path is called
 * through the same interface type from its own benchmark method, each in its own forked JVM, so no call site sees
 * more types than its path has. Results are returned, so JMH sinks them in a blackhole.
 * <p>
 * The {@code anatomy_*} benchmarks take the facade apart (see {@link Anatomy}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CallOverhead {

    /** The paths that need no framework. */
    @State(Scope.Benchmark)
    public static class Paths {
        Counter directCounter;
        Counter facadeCounter;
        Counter proxyCounter;
        PriceService directPrices;
        PriceService facadePrices;
        PriceService proxyPrices;
        String sku = "WIDGET";
        int quantity = 10;

        @Setup
        public void setUp() {
            directCounter = new FieldCounter();
            facadeCounter = Routes.facade(Counter.class, new FieldCounter());
            proxyCounter = Routes.reflective(Counter.class, new FieldCounter());
            directPrices = new PriceServiceImpl();
            facadePrices = Routes.facade(PriceService.class, new PriceServiceImpl());
            proxyPrices = Routes.reflective(PriceService.class, new PriceServiceImpl());
        }
    }

    /** Services registered in an embedded Felix (framework only) and a tracker opened on each. */
    @State(Scope.Benchmark)
    public static class Tracked {
        Felix felix;
        ServiceTracker<Counter, Counter> counters;
        ServiceTracker<PriceService, PriceService> prices;
        Counter scopedCounter;
        PriceService scopedPrices;
        String sku = "WIDGET";
        int quantity = 10;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            felix = Felix.start(List.of());
            felix.context().registerService(Counter.class, new FieldCounter(), null);
            felix.context().registerService(PriceService.class, new PriceServiceImpl(), null);
            counters = new ServiceTracker<>(felix.context(), Counter.class, null);
            counters.open();
            prices = new ServiceTracker<>(felix.context(), PriceService.class, null);
            prices.open();
            BundleContext context = felix.context();
            scopedCounter = Routes.scopedFacade(context, Counter.class, context.registerService(Counter.class,
                    new BundleScoped<>(new FieldCounter()), null).getReference());
            scopedPrices = Routes.scopedFacade(context, PriceService.class, context.registerService(
                    PriceService.class, new BundleScoped<>(new PriceServiceImpl()), null).getReference());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            counters.close();
            prices.close();
            felix.close();
        }
    }

    /** A bundle-scoped registration, as SCR makes for a DS component: one object for every consumer here. */
    static final class BundleScoped<T> implements ServiceFactory<T> {
        private final T object;

        BundleScoped(T object) {
            this.object = object;
        }

        @Override
        public T getService(Bundle bundle, ServiceRegistration<T> registration) {
            return object;
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<T> registration, T service) {
            // one shared object: nothing to release
        }
    }

    /** Stand-ins for the parts of the facade's call path. */
    @State(Scope.Benchmark)
    public static class Parts {
        Counter routeOnly;
        Counter plainCount;
        Counter oneAdder;
        Counter twoAdders;

        @Setup
        public void setUp() {
            routeOnly = new Anatomy.RouteOnly(new FieldCounter());
            plainCount = new Anatomy.PlainCount(new FieldCounter());
            oneAdder = new Anatomy.OneAdder(new FieldCounter());
            twoAdders = new Anatomy.TwoAdders(new FieldCounter());
        }
    }

    @Benchmark
    public int trivial_direct(Paths paths) {
        return paths.directCounter.next();
    }

    @Benchmark
    public int trivial_facade(Paths paths) {
        return paths.facadeCounter.next();
    }

    @Benchmark
    public int trivial_proxy(Paths paths) {
        return paths.proxyCounter.next();
    }

    @Benchmark
    public int trivial_tracker(Tracked tracked) {
        return tracked.counters.getService().next();
    }

    @Benchmark
    public int trivial_facadeScoped(Tracked tracked) {
        return tracked.scopedCounter.next();
    }

    @Benchmark
    public Quote realistic_direct(Paths paths) {
        return paths.directPrices.quote(paths.sku, paths.quantity);
    }

    @Benchmark
    public Quote realistic_facade(Paths paths) {
        return paths.facadePrices.quote(paths.sku, paths.quantity);
    }

    @Benchmark
    public Quote realistic_proxy(Paths paths) {
        return paths.proxyPrices.quote(paths.sku, paths.quantity);
    }

    @Benchmark
    public Quote realistic_tracker(Tracked tracked) {
        return tracked.prices.getService().quote(tracked.sku, tracked.quantity);
    }

    @Benchmark
    public Quote realistic_facadeScoped(Tracked tracked) {
        return tracked.scopedPrices.quote(tracked.sku, tracked.quantity);
    }

    @Benchmark
    public int anatomy_routeOnly(Parts parts) {
        return parts.routeOnly.next();
    }

    @Benchmark
    public int anatomy_plainCount(Parts parts) {
        return parts.plainCount.next();
    }

    @Benchmark
    public int anatomy_oneAdder(Parts parts) {
        return parts.oneAdder.next();
    }

    @Benchmark
    public int anatomy_twoAdders(Parts parts) {
        return parts.twoAdders.next();
    }
}
