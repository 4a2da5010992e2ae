package io.patchbay.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.Test;

/**
 * The core's layers call downward only, and its packages import each other in no loop. From the bottom:
 * <ol>
 * <li>the route ({@code slot}: slot, seat, implementation, split, the route's owner): nothing else of the core;</li>
 * <li>persistence ({@code store}), patch headers ({@code headers}), facades ({@code facade}), patch sources
 * ({@code source});</li>
 * <li>tracking ({@code tracking}: the registrations, the hooks, the switcher that records changes);</li>
 * <li>patch policy and operations ({@code patch}, {@code canary}, {@code trust}, {@code inspect}, {@code trace},
 * {@code retire});</li>
 * <li>the manager ({@code io.patchbay.core}: the activator and the services it registers).</li>
 * </ol>
 */
public class LayersTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.patchbay.core");

    @Test
    public void noPackageCycle() {
        slices().matching("io.patchbay.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    public void everyLayerCallsDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Route").definedBy("io.patchbay.core.slot..")
                .layer("Store").definedBy("io.patchbay.core.store..")
                .layer("Headers").definedBy("io.patchbay.core.headers..")
                .layer("Facades").definedBy("io.patchbay.core.facade..")
                .layer("Sources").definedBy("io.patchbay.core.source..")
                .layer("Tracking").definedBy("io.patchbay.core.tracking..")
                .layer("Operations").definedBy("io.patchbay.core.patch..", "io.patchbay.core.canary..",
                        "io.patchbay.core.trust..", "io.patchbay.core.inspect..", "io.patchbay.core.trace..",
                        "io.patchbay.core.retire..")
                .layer("Manager").definedBy("io.patchbay.core")
                .whereLayer("Manager").mayNotBeAccessedByAnyLayer()
                .whereLayer("Operations").mayOnlyBeAccessedByLayers("Manager")
                .whereLayer("Tracking").mayOnlyBeAccessedByLayers("Operations", "Manager")
                .whereLayer("Sources").mayOnlyBeAccessedByLayers("Operations", "Manager")
                .whereLayer("Facades").mayOnlyBeAccessedByLayers("Tracking", "Operations", "Manager")
                .whereLayer("Headers").mayOnlyBeAccessedByLayers("Tracking", "Operations", "Manager")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Tracking", "Operations", "Manager")
                .whereLayer("Route").mayOnlyBeAccessedByLayers("Store", "Headers", "Facades", "Tracking",
                        "Operations", "Manager")
                .check(CORE);
    }
}
