package jp.kyoso.indicator;

import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.plan.Plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What integrations hear when an indicator's figures change (webhooks): a municipality's
 * indicator and one of a published plan are public; a draft plan's only for the plan's council
 * and the municipality's own endpoints. The data says which fiscal years changed; the figures
 * are read through the API.
 */
final class IndicatorEvents {

    private IndicatorEvents() {
    }

    static void valuesChanged(DomainEvents events, Indicator indicator, Collection<Integer> fiscalYears) {
        Plan plan = indicator.planId == null ? null : Plan.findById(indicator.planId);
        List<UUID> parties = new ArrayList<>();
        if (plan != null && plan.organizationId != null) {
            parties.add(plan.organizationId);
        }
        Map<String, Object> data = plan == null
                ? Map.of("id", indicator.id, "name", indicator.name, "fiscalYears", List.copyOf(fiscalYears))
                : Map.of("id", indicator.id, "name", indicator.name, "planId", plan.id,
                        "fiscalYears", List.copyOf(fiscalYears));
        events.emit("indicator.values_changed", indicator.municipalityCode, plan == null || plan.isPublic(), parties,
                data);
    }
}
