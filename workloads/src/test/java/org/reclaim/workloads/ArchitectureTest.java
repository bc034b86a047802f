package org.reclaim.workloads;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of {@code workloads} form the layers docs/architecture.md draws, and no cycle: the
 * runner above the catalog, the catalog above the scenarios and the benchmark workloads, the
 * scenarios above the Rust front end, which names no workload.
 */
@AnalyzeClasses(packages = "org.reclaim.workloads", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.reclaim.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("run").definedBy("org.reclaim.workloads.run..")
            .layer("catalog").definedBy("org.reclaim.workloads.catalog..")
            .layer("views").definedBy("org.reclaim.workloads.scenarios.view..")
            .layer("scenarios").definedBy("org.reclaim.workloads.scenarios")
            .layer("rust").definedBy("org.reclaim.workloads.rust..")
            .layer("workloads").definedBy("org.reclaim.workloads")
            .whereLayer("run").mayNotBeAccessedByAnyLayer()
            .whereLayer("catalog").mayOnlyBeAccessedByLayers("run")
            .whereLayer("views").mayNotBeAccessedByAnyLayer()
            .whereLayer("scenarios").mayOnlyBeAccessedByLayers("views", "catalog", "run")
            .whereLayer("rust").mayOnlyBeAccessedByLayers("scenarios", "views", "catalog", "run")
            .whereLayer("workloads").mayOnlyBeAccessedByLayers("scenarios", "views", "catalog", "run");
}
