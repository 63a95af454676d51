package jp.kyoso.plan;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who may read and edit a plan. Staff of the municipality (and platform admins) edit all of its
 * plans; members of a community council edit the council's plans as well. Everyone reads a plan
 * once it was published; a never-published draft is for its editors alone, and to anyone else
 * it does not exist (404 rather than 403, so that drafts do not leak).
 *
 * <p>A pure policy over the facts it is built with, so it is tested without a request;
 * {@link Plans} builds it from the current caller. The facts are predicates so that each is
 * looked up only when a rule needs it: an anonymous caller costs no role or membership query.
 *
 * @param signedIn whether the caller is signed in
 * @param staffOf  whether the caller is staff of (or an admin over) a municipality, by code
 * @param memberOf whether the caller is a member of an organisation, by id
 */
record PlanAccess(boolean signedIn, Predicate<String> staffOf, Predicate<UUID> memberOf) {

    private static final Label NO_SUCH_PLAN = Label.of("計画が見つかりません", "No such plan");

    /** Staff of the municipality; for a council's plan also the council's members. */
    boolean canEdit(Plan plan) {
        if (!signedIn) {
            return false;
        }
        if (staffOf.test(plan.municipalityCode)) {
            return true;
        }
        return plan.organizationId != null && memberOf.test(plan.organizationId);
    }

    /** Published plans for everyone, drafts for their editors. */
    boolean canRead(Plan plan) {
        return plan != null && (plan.isPublic() || canEdit(plan));
    }

    /** The plan when the caller may read it; 404 for a missing plan and for a draft kept from the caller. */
    Plan requireReadable(Plan plan) {
        if (!canRead(plan)) {
            throw Problems.notFound(NO_SUCH_PLAN);
        }
        return plan;
    }

    /** 401 for an anonymous caller, 403 for one who may not edit the plan. */
    void requireEditor(Plan plan) {
        if (!signedIn) {
            throw Problems.unauthorized();
        }
        if (!canEdit(plan)) {
            throw Problems.forbidden(plan.organizationId == null
                    ? Label.of("自治体の計画は、その自治体の職員だけが編集できます",
                    "Only staff of the municipality may edit the municipality's plans")
                    : Label.of("この計画は、地域づくり協議会の代表者・編集者と自治体職員だけが編集できます",
                    "Only members of the community council and staff of the municipality may edit this plan"));
        }
    }

    /**
     * Whether the caller is shown the working draft rather than the latest published version:
     * editors work on the draft, and a plan that was never published has nothing else to show.
     */
    boolean readsDraft(Plan plan) {
        return canEdit(plan) || !plan.isPublic();
    }

    /**
     * Whether a list of the municipality's plans shows every draft; for anyone else it shows the
     * published plans and the drafts of the councils the caller belongs to.
     */
    boolean listsEveryDraftOf(String municipalityCode) {
        return staffOf.test(municipalityCode);
    }
}
