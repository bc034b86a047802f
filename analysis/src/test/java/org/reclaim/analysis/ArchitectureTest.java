package org.reclaim.analysis;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of {@code analysis} form no cycle: the results folder's rows above the recordings'
 * readers (the package org.reclaim.analysis) and the cost model, the readers above the oracle's
 * split, and the statistics under all of them.
 */
@AnalyzeClasses(packages = "org.reclaim.analysis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.reclaim.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("results").definedBy("org.reclaim.analysis.results..")
            .layer("recordings").definedBy("org.reclaim.analysis")
            .layer("cost").definedBy("org.reclaim.analysis.cost..")
            .layer("oracle").definedBy("org.reclaim.analysis.oracle..")
            .layer("stats").definedBy("org.reclaim.analysis.stats..")
            .whereLayer("results").mayNotBeAccessedByAnyLayer()
            .whereLayer("recordings").mayOnlyBeAccessedByLayers("results")
            .whereLayer("cost").mayOnlyBeAccessedByLayers("results", "recordings")
            .whereLayer("oracle").mayOnlyBeAccessedByLayers("results", "recordings")
            .whereLayer("stats").mayOnlyBeAccessedByLayers("results", "recordings", "cost", "oracle");
}
