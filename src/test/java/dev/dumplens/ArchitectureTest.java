package dev.dumplens;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core (everything but ui) is free of JavaFX; the UI and the CLI are thin layers over it. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dumplens");

    @Test
    void coreDoesNotUseJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.dumplens.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotDependOnUiOrCli() {
        noClasses().that().resideInAnyPackage("dev.dumplens.model..", "dev.dumplens.formats..",
                        "dev.dumplens.analysis..", "dev.dumplens.heap..", "dev.dumplens.report..",
                        "dev.dumplens.progress..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dumplens.ui..", "dev.dumplens.cli..")
                .check(CLASSES);
    }

    @Test
    void modelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.dumplens.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dumplens.analysis..",
                        "dev.dumplens.heap..", "dev.dumplens.report..")
                .check(CLASSES);
    }
}
