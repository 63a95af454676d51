package jp.kyoso.indicator;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.plan.Plan;

/**
 * Who may see and edit an indicator, decided from facts alone so that the rule reads in one place
 * and is tested without a database or HTTP ({@link Indicators} gathers the facts). The
 * municipality's own indicators are public and edited by its staff; a plan's indicators are as
 * visible as the plan and edited by whoever may edit the plan, while the plan is open.
 *
 * @param signedIn whether the caller is signed in
 * @param staff    whether the caller is staff of the indicator's municipality (or an admin)
 * @param owner    the owning plan; null for the municipality's own indicator
 */
record IndicatorAccess(boolean signedIn, boolean staff, OwningPlan owner) {

    /**
     * The plan an indicator belongs to, as the caller stands to it.
     *
     * @param plan   the plan, null when it is gone
     * @param editor whether the caller may edit the plan (staff; for a council's plan its members too)
     */
    record OwningPlan(Plan plan, boolean editor) {

        /** Published plans are public; drafts are for their editors. */
        boolean visible() {
            return plan != null && (plan.isPublic() || editor);
        }
    }

    static IndicatorAccess ofMunicipality(boolean signedIn, boolean staff) {
        return new IndicatorAccess(signedIn, staff, null);
    }

    boolean maySee() {
        return owner == null || owner.visible();
    }

    boolean mayEdit() {
        if (!signedIn) {
            return false;
        }
        return owner == null ? staff : owner.plan() != null && owner.editor();
    }

    /** 401 for anonymous callers, 403 without the right, 409 while the owning plan is archived. */
    void requireEditor() {
        if (!signedIn) {
            throw Problems.unauthorized();
        }
        if (!mayEdit()) {
            throw Problems.forbidden(owner == null
                    ? Label.of("自治体の成果指標は、その自治体の職員だけが編集できます",
                    "Only staff of the municipality may edit its indicators")
                    : Label.of("この成果指標は、計画を編集できる人だけが編集できます",
                    "Only editors of the plan may edit its indicators"));
        }
        if (owner != null) {
            owner.plan().requireEditable();
        }
    }
}
