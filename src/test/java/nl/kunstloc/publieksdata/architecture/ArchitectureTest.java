package nl.kunstloc.publieksdata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of docs/architecture.md, checked on every build. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.kunstloc.publieksdata");
    }

    @Test
    void onlyTheWorkflowPackageAndDelegatesKnowCamunda() {
        noClasses().that().resideOutsideOfPackage("nl.kunstloc.publieksdata.workflow..")
                .and().haveSimpleNameNotEndingWith("Delegate")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("Camunda 7 has reached its end of life; the way out (Operaton) must stay a change of one package")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("nl.kunstloc.publieksdata.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePlatformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("nl.kunstloc.publieksdata.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("nl.kunstloc.publieksdata.platform..", "java..",
                        "jakarta..", "javax..", "org.eclipse.microprofile..", "org.flywaydb..", "org.eclipse.persistence..", "org.primefaces..",
                        "com.icegreen..")
                .because("every feature stands on the platform, so the platform cannot stand on a feature")
                .check(classes);
    }

    @Test
    void featuresUseEachOtherOnlyThroughControlClasses() {
        for (String feature : new String[]{"institution", "onboarding", "agreement", "delivery", "session", "reference"}) {
            noClasses().that().resideOutsideOfPackage("nl.kunstloc.publieksdata." + feature + "..")
                    .and().resideOutsideOfPackage("nl.kunstloc.publieksdata.demo..")
                    .should().dependOnClassesThat().resideInAPackage("nl.kunstloc.publieksdata." + feature + ".boundary..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
