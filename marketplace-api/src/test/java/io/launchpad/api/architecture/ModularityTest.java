package io.launchpad.api.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Module boundaries: the API uses matching only through its public package, and features stay acyclic. */
class ModularityTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.launchpad");
    }

    @Test
    void apiUsesOnlyTheMatchingModulesPublicPackage() {
        noClasses().that().resideInAPackage("io.launchpad.api..")
                .should().dependOnClassesThat().resideInAPackage("io.launchpad.matching.(*)..")
                .because("matching's sub-packages are its internals; its contract is io.launchpad.matching")
                .check(classes);
    }

    @Test
    void matchingNeverDependsOnTheApi() {
        noClasses().that().resideInAPackage("io.launchpad.matching..")
                .should().dependOnClassesThat().resideInAPackage("io.launchpad.api..")
                .check(classes);
    }

    @Test
    void apiNeverReachesTheFrontEndOrInfra() {
        noClasses().that().resideInAPackage("io.launchpad.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.launchpad.web..", "io.launchpad.infra..")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.launchpad.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void controllersAndRepositoriesStayInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Controller").and().resideInAPackage("io.launchpad.api..")
                .should().notBePublic().check(classes);
        classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage("io.launchpad.api..")
                .should().notBePublic().check(classes);
    }
}
