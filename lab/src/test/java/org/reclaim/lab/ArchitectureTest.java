package org.reclaim.lab;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of {@code lab} form the layers docs/architecture.md draws, and no cycle: the
 * command line and its commands on top, the Slurm driver above the campaign it runs, and the
 * input checks (heap sizes, bad input) under all of them.
 */
@AnalyzeClasses(packages = "org.reclaim.lab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.reclaim.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("commands").definedBy("org.reclaim.lab")
            .layer("slurm").definedBy("org.reclaim.lab.campaign.slurm..")
            .layer("campaign").definedBy("org.reclaim.lab.campaign")
            .layer("input").definedBy("org.reclaim.lab.input..")
            .whereLayer("commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("slurm").mayOnlyBeAccessedByLayers("commands")
            .whereLayer("campaign").mayOnlyBeAccessedByLayers("commands", "slurm")
            .whereLayer("input").mayOnlyBeAccessedByLayers("commands", "slurm", "campaign");
}
