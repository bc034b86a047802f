package org.reclaim.runtime;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of {@code runtimes} form the layers docs/architecture.md draws, and no cycle: a
 * lower layer never names a type of a higher one (a dependency that must point up is inverted
 * through an interface of the lower layer, as the oracle's {@code ObjectGraph}).
 */
@AnalyzeClasses(packages = "org.reclaim.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.reclaim.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("catalog").definedBy("org.reclaim.runtime.catalog..")
            .layer("families").definedBy("org.reclaim.runtime.epsilon..", "org.reclaim.runtime.manual..",
                    "org.reclaim.runtime.tracing..", "org.reclaim.runtime.refcount..", "org.reclaim.runtime.ownership..")
            .layer("jvm").definedBy("org.reclaim.runtime.jvm..")
            .layer("core").definedBy("org.reclaim.runtime")
            .layer("alloc").definedBy("org.reclaim.runtime.alloc..")
            .layer("heap").definedBy("org.reclaim.runtime.heap..")
            .layer("probe").definedBy("org.reclaim.runtime.probe..")
            .layer("oracle").definedBy("org.reclaim.runtime.oracle..")
            .whereLayer("catalog").mayNotBeAccessedByAnyLayer()
            .whereLayer("families").mayOnlyBeAccessedByLayers("catalog")
            .whereLayer("jvm").mayNotBeAccessedByAnyLayer()
            .whereLayer("core").mayOnlyBeAccessedByLayers("families", "jvm", "catalog")
            .whereLayer("alloc").mayOnlyBeAccessedByLayers("core", "families")
            .whereLayer("heap").mayOnlyBeAccessedByLayers("alloc", "core", "families", "jvm")
            .whereLayer("probe").mayOnlyBeAccessedByLayers("core", "families", "catalog")
            .whereLayer("oracle").mayOnlyBeAccessedByLayers("core");
}
