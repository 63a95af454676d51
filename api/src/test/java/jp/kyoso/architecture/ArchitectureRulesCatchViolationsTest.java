package jp.kyoso.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jp.kyoso.architecture.broken.NativeQueryWithResultClass;
import jp.kyoso.architecture.broken.ServiceLeaningOnAResourceBadly;
import jp.kyoso.architecture.broken.ThickResource;
import jp.kyoso.brokenfeaturea.FeatureA;
import jp.kyoso.brokenfeatureb.FeatureB;
import jp.kyoso.core.brokenarch.CoreThatImportsAFeature;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each architecture rule fails on code that breaks it (deliberately broken classes in the test
 * sources), so a passing {@link ArchitectureTest} means something.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final JavaClasses BROKEN = new ClassFileImporter().importClasses(CoreThatImportsAFeature.class,
            FeatureA.class, FeatureB.class, ThickResource.class, ServiceLeaningOnAResourceBadly.class,
            NativeQueryWithResultClass.class);

    private static void fails(ArchRule rule, String expectedInReport) {
        EvaluationResult result = rule.evaluate(BROKEN);
        assertTrue(result.hasViolation(), rule.getDescription() + " should fail");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(expectedInReport), report);
    }

    @Test
    void coreImportingAFeatureIsCaught() {
        fails(ArchitectureRules.CORE_DEPENDS_ON_NO_FEATURE, "CoreThatImportsAFeature");
    }

    @Test
    void aCycleBetweenFeaturesIsCaught() {
        fails(ArchitectureRules.FEATURES_FORM_NO_CYCLES, "brokenfeaturea");
    }

    @Test
    void aResourceUsingTheEntityManagerIsCaught() {
        fails(ArchitectureRules.RESOURCES_DO_NOT_USE_THE_ENTITY_MANAGER, "ThickResource");
    }

    @Test
    void aNativeQueryWithAResultClassIsCaught() {
        fails(ArchitectureRules.NATIVE_QUERIES_TAKE_NO_RESULT_CLASS, "NativeQueryWithResultClass.ids");
    }

    @Test
    void aResourceCallingAnEntityIsCaught() {
        fails(ArchitectureRules.RESOURCES_DO_NOT_CALL_ENTITIES, "Organization.findById");
    }

    @Test
    void aResourceReturningAnEntityIsCaught() {
        fails(ArchitectureRules.RESOURCES_RETURN_DTOS_NOT_ENTITIES, "ThickResource.get");
    }

    @Test
    void aServiceDependingOnAResourceIsCaught() {
        fails(ArchitectureRules.SERVICES_DO_NOT_DEPEND_ON_RESOURCES, "ServiceLeaningOnAResourceBadly");
    }
}
