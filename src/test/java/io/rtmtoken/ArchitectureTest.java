package io.rtmtoken;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.rtmtoken", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The token format could be published as a library: it uses the JDK and nothing else. */
    @ArchTest
    static final ArchRule formatDependsOnlyOnTheJdk = classes().that().resideInAPackage("io.rtmtoken.format..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.rtmtoken.format..", "java..", "javax.crypto..");

}
