package jp.kyoso.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Where code may reach, as rules with names that say why when they fail. A feature is a
 * package under {@code jp.kyoso} named for a business capability ({@code organization},
 * {@code listing}, {@code plan} ...); {@code core} is what every feature shares; {@code local}
 * starts the app on a machine of its own and loads the demo data.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final ArchRule CORE_DEPENDS_ON_NO_FEATURE = classes()
            .that().resideInAPackage("jp.kyoso.core..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("jp.kyoso..").or(resideInAPackage("jp.kyoso.core..")))
            .as("core is shared by every feature, so it depends on none: a feature offers core a port "
                    + "(People, StaffRoles) instead of core importing the feature");

    static final ArchRule FEATURES_FORM_NO_CYCLES = slices()
            .matching("jp.kyoso.(*)..")
            .namingSlices("feature '$1'")
            .should().beFreeOfCycles()
            .as("features depend on each other in one direction only: where two need each other, the lower one "
                    + "declares a port (listing.ListingMatches) or fires an event that the higher one handles");

    static final ArchRule NOTHING_DEPENDS_ON_LOCAL = noClasses()
            .that().resideOutsideOfPackage("jp.kyoso.local..")
            .should().dependOnClassesThat().resideInAPackage("jp.kyoso.local..")
            .as("local start-up and demo loading is for the machine the app runs on alone: no feature may rely on it");

    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe("resources",
            c -> c.getSimpleName().endsWith("Resource"));

    static final ArchRule RESOURCES_DO_NOT_USE_THE_ENTITY_MANAGER = noClasses()
            .that(RESOURCES)
            .should().dependOnClassesThat(assignableTo(EntityManager.class))
            .as("resources stay thin: queries and writes belong to a feature's services and repositories");

    // Hibernate keys its native-query plan cache on a result mapping that a result class makes anew on
    // every call: each call adds an entry under the same hash, and lookups slow down as they pile up
    // (a search page spent an eighth of its time there; docs/benchmarks.md). Untyped native queries
    // return the column's own Java type (uuid: UUID) and hit the cache.
    static final ArchRule NATIVE_QUERIES_TAKE_NO_RESULT_CLASS = noClasses()
            .should().callMethod(EntityManager.class, "createNativeQuery", String.class, Class.class)
            .as("native queries take no result class (it defeats Hibernate's query plan cache)");

    static final ArchRule RESOURCES_DO_NOT_CALL_ENTITIES = noClasses()
            .that(RESOURCES)
            .should().callMethodWhere(DescribedPredicate.describe("a method of an entity (Panache finders, persist, delete)",
                    (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)))
            .as("resources stay thin: they call services, which load and change entities");

    static final ArchRule RESOURCES_RETURN_DTOS_NOT_ENTITIES = methods()
            .that().areDeclaredInClassesThat(RESOURCES).and().arePublic()
            .should().notHaveRawReturnType(assignableTo(PanacheEntityBase.class))
            .as("resources answer with DTOs (records in the feature's *Dtos), never with entities: the contract "
                    + "must not change when a column does");

    static final ArchRule SERVICES_DO_NOT_DEPEND_ON_RESOURCES = noClasses()
            .that(DescribedPredicate.not(RESOURCES))
            .should().dependOnClassesThat(RESOURCES)
            .as("services are called by resources, never the other way round: what two resources share belongs "
                    + "in a service or in core");
}
