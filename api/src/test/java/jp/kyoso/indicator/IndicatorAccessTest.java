package jp.kyoso.indicator;

import jp.kyoso.core.problem.ProblemException;
import jp.kyoso.indicator.IndicatorAccess.OwningPlan;
import jp.kyoso.plan.Plan;
import jp.kyoso.plan.PlanStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indicator access policy on its own: facts in, decisions out, no database or HTTP. */
class IndicatorAccessTest {

    private static Plan plan(PlanStatus status, Integer latestVersion) {
        Plan plan = new Plan();
        plan.status = status;
        plan.latestVersion = latestVersion;
        return plan;
    }

    private static final Plan DRAFT = plan(PlanStatus.DRAFT, null);
    private static final Plan PUBLISHED = plan(PlanStatus.PUBLISHED, 1);
    private static final Plan ARCHIVED = plan(PlanStatus.ARCHIVED, 2);

    private static IndicatorAccess ofPlan(boolean signedIn, Plan plan, boolean editor) {
        return new IndicatorAccess(signedIn, false, new OwningPlan(plan, editor));
    }

    private static void assertStatus(int status, Executable check) {
        assertEquals(status, assertThrows(ProblemException.class, check).status());
    }

    @Test
    void theMunicipalitysOwnIndicatorsArePublicAndEditedByItsStaff() {
        assertTrue(IndicatorAccess.ofMunicipality(false, false).maySee());
        assertTrue(IndicatorAccess.ofMunicipality(true, false).maySee());
        assertDoesNotThrow(IndicatorAccess.ofMunicipality(true, true)::requireEditor);
        assertStatus(403, IndicatorAccess.ofMunicipality(true, false)::requireEditor);
        assertStatus(401, IndicatorAccess.ofMunicipality(false, false)::requireEditor);
    }

    @Test
    void aPlansIndicatorsAreAsVisibleAsThePlan() {
        assertTrue(ofPlan(false, PUBLISHED, false).maySee());
        assertTrue(ofPlan(true, ARCHIVED, false).maySee());
        assertFalse(ofPlan(false, DRAFT, false).maySee());
        assertFalse(ofPlan(true, DRAFT, false).maySee());
        assertTrue(ofPlan(true, DRAFT, true).maySee());
        assertFalse(ofPlan(true, null, true).maySee());
    }

    @Test
    void aPlansEditorsEditItsIndicatorsWhileThePlanIsOpen() {
        assertDoesNotThrow(ofPlan(true, DRAFT, true)::requireEditor);
        assertDoesNotThrow(ofPlan(true, PUBLISHED, true)::requireEditor);
        assertStatus(409, ofPlan(true, ARCHIVED, true)::requireEditor);
        assertStatus(403, ofPlan(true, PUBLISHED, false)::requireEditor);
        assertStatus(401, ofPlan(false, PUBLISHED, false)::requireEditor);
    }

    @Test
    void staffOfTheMunicipalityEditAPlansIndicatorsOnlyAsEditorsOfThePlan() {
        // Staff may edit every plan of their municipality; the plan's editor flag says so, not the staff flag.
        assertFalse(new IndicatorAccess(true, true, new OwningPlan(PUBLISHED, false)).mayEdit());
        assertTrue(new IndicatorAccess(true, true, new OwningPlan(PUBLISHED, true)).mayEdit());
    }

    @Test
    void nobodyEditsAnIndicatorOfAPlanThatIsGone() {
        assertFalse(ofPlan(true, null, true).mayEdit());
        assertStatus(403, ofPlan(true, null, true)::requireEditor);
    }
}
