package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.plan.Plan;
import jp.kyoso.plan.PlanService;

import java.util.UUID;

/** Finds indicators as the caller may see them, and gathers the facts {@link IndicatorAccess} decides on. */
@ApplicationScoped
public class Indicators {

    @Inject PlanService plans;
    @Inject Access access;
    @Inject CurrentUser currentUser;

    /** The indicator if the caller may see it; 404 otherwise (a draft plan's indicator is not revealed). */
    public Indicator requireVisible(UUID id) {
        Indicator indicator = id == null ? null : Indicator.findById(id);
        if (indicator == null || !accessTo(indicator).maySee()) {
            throw Problems.notFound(Label.of("成果指標が見つかりません", "No such indicator"));
        }
        return indicator;
    }

    IndicatorAccess accessTo(Indicator indicator) {
        boolean signedIn = currentUser.isAuthenticated();
        boolean staff = access.isStaff(indicator.municipalityCode);
        return indicator.planId == null ? IndicatorAccess.ofMunicipality(signedIn, staff)
                : new IndicatorAccess(signedIn, staff, owningPlan(Plan.findById(indicator.planId)));
    }

    /** A plan as the caller stands to it: for an indicator's owner, or the plan of a linked item. */
    IndicatorAccess.OwningPlan owningPlan(Plan plan) {
        return new IndicatorAccess.OwningPlan(plan, plan != null && plans.canEdit(plan));
    }
}
