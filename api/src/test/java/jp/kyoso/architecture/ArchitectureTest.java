package jp.kyoso.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The architecture rules hold for the application's own classes (see {@link ArchitectureRules}). */
class ArchitectureTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.kyoso");

    private static void holds(ArchRule rule) {
        rule.check(APPLICATION);
    }

    @Test
    void coreDependsOnNoFeature() {
        holds(ArchitectureRules.CORE_DEPENDS_ON_NO_FEATURE);
    }

    @Test
    void featuresFormNoCycles() {
        holds(ArchitectureRules.FEATURES_FORM_NO_CYCLES);
    }

    @Test
    void nothingDependsOnLocalStartUp() {
        holds(ArchitectureRules.NOTHING_DEPENDS_ON_LOCAL);
    }

    @Test
    void resourcesDoNotUseTheEntityManager() {
        holds(ArchitectureRules.RESOURCES_DO_NOT_USE_THE_ENTITY_MANAGER);
    }

    @Test
    void nativeQueriesTakeNoResultClass() {
        holds(ArchitectureRules.NATIVE_QUERIES_TAKE_NO_RESULT_CLASS);
    }

    @Test
    void resourcesDoNotCallEntities() {
        holds(ArchitectureRules.RESOURCES_DO_NOT_CALL_ENTITIES);
    }

    @Test
    void resourcesReturnDtosNotEntities() {
        holds(ArchitectureRules.RESOURCES_RETURN_DTOS_NOT_ENTITIES);
    }

    @Test
    void servicesDoNotDependOnResources() {
        holds(ArchitectureRules.SERVICES_DO_NOT_DEPEND_ON_RESOURCES);
    }
}
