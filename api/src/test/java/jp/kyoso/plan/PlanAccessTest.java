package jp.kyoso.plan;

import jp.kyoso.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The plan access policy on its own: who reads and who edits which plan, without a request. */
class PlanAccessTest {

    private static final String CITY = "352152";
    private static final String OTHER_CITY = "352039";
    private static final UUID COUNCIL = UUID.randomUUID();
    private static final UUID OTHER_COUNCIL = UUID.randomUUID();

    private static Plan plan(String municipalityCode, UUID organizationId, Integer latestVersion) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.municipalityCode = municipalityCode;
        plan.organizationId = organizationId;
        plan.latestVersion = latestVersion;
        plan.status = latestVersion == null ? PlanStatus.DRAFT : PlanStatus.PUBLISHED;
        return plan;
    }

    private static PlanAccess staffOf(String code) {
        return new PlanAccess(true, code::equals, org -> false);
    }

    private static PlanAccess memberOf(UUID... organizations) {
        Set<UUID> mine = Set.of(organizations);
        return new PlanAccess(true, code -> false, mine::contains);
    }

    private static <T> Predicate<T> neverAsked() {
        return fact -> fail("an anonymous caller needs no role or membership lookup");
    }

    private static int status(Runnable check) {
        return assertThrows(ProblemException.class, check::run).status();
    }

    @Test
    void anonymousCallersReadPublishedPlansAndNothingElse() {
        PlanAccess anonymous = new PlanAccess(false, neverAsked(), neverAsked());
        Plan published = plan(CITY, COUNCIL, 2);
        Plan draft = plan(CITY, COUNCIL, null);

        assertTrue(anonymous.canRead(published));
        assertSame(published, anonymous.requireReadable(published));
        assertFalse(anonymous.readsDraft(published));
        assertFalse(anonymous.canEdit(published));
        assertEquals(401, status(() -> anonymous.requireEditor(published)));
        // A draft is not there at all for them: 404, as for a plan that does not exist.
        assertFalse(anonymous.canRead(draft));
        assertEquals(404, status(() -> anonymous.requireReadable(draft)));
        assertEquals(404, status(() -> anonymous.requireReadable(null)));
    }

    @Test
    void staffEditEveryPlanOfTheirMunicipality() {
        PlanAccess staff = staffOf(CITY);
        for (Plan plan : new Plan[]{plan(CITY, null, null), plan(CITY, COUNCIL, null), plan(CITY, COUNCIL, 1)}) {
            assertTrue(staff.canEdit(plan));
            assertTrue(staff.canRead(plan));
            assertTrue(staff.readsDraft(plan), "editors work on the draft, published or not");
            staff.requireEditor(plan);
        }
        assertTrue(staff.listsEveryDraftOf(CITY));
    }

    @Test
    void staffOfAnotherMunicipalityAreLikeEveryoneElse() {
        PlanAccess staff = staffOf(OTHER_CITY);
        Plan draft = plan(CITY, null, null);
        Plan published = plan(CITY, null, 1);

        assertEquals(404, status(() -> staff.requireReadable(draft)));
        assertTrue(staff.canRead(published));
        assertFalse(staff.readsDraft(published));
        assertEquals(403, status(() -> staff.requireEditor(published)));
        assertFalse(staff.listsEveryDraftOf(CITY));
    }

    @Test
    void councilMembersEditTheirCouncilsPlansOnly() {
        PlanAccess member = memberOf(COUNCIL);
        Plan own = plan(CITY, COUNCIL, null);
        Plan othersDraft = plan(CITY, OTHER_COUNCIL, null);
        Plan othersPublished = plan(CITY, OTHER_COUNCIL, 3);
        Plan municipal = plan(CITY, null, 1);

        assertTrue(member.canEdit(own));
        assertTrue(member.readsDraft(own));
        member.requireEditor(own);
        assertEquals(404, status(() -> member.requireReadable(othersDraft)));
        assertTrue(member.canRead(othersPublished));
        assertFalse(member.canEdit(othersPublished));
        assertFalse(member.canEdit(municipal), "a council's members do not edit the municipality's plans");
        assertFalse(member.listsEveryDraftOf(CITY));
    }

    @Test
    void aRefusedEditorIsToldWhoMayEdit() {
        PlanAccess nobody = new PlanAccess(true, code -> false, org -> false);
        ProblemException municipal = assertThrows(ProblemException.class,
                () -> nobody.requireEditor(plan(CITY, null, 1)));
        ProblemException council = assertThrows(ProblemException.class,
                () -> nobody.requireEditor(plan(CITY, COUNCIL, 1)));

        assertEquals(403, municipal.status());
        assertEquals("Only staff of the municipality may edit the municipality's plans", municipal.detail().en());
        assertEquals(403, council.status());
        assertEquals("Only members of the community council and staff of the municipality may edit this plan",
                council.detail().en());
    }

    @Test
    void membershipIsNotAskedForTheMunicipalitysOwnPlans() {
        PlanAccess signedIn = new PlanAccess(true, code -> false, neverAsked());
        assertFalse(signedIn.canEdit(plan(CITY, null, 1)));
    }
}
