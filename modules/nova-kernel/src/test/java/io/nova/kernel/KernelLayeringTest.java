package io.nova.kernel;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The kernel is what services are made of: it never knows a service (docs/architecture.md). */
class KernelLayeringTest {

    @Test
    void theKernelImportsNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.nova.user..", "io.nova.content..",
                        "io.nova.media..", "io.nova.messaging..", "io.nova.contracts..")
                .because("the kernel is shared by every service and must not know any of them")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("io.nova.kernel"));
    }
}
