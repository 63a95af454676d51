package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.plan.PlanDtos.ProgressFigures;
import jp.kyoso.plan.PlanDtos.StatusCounts;
import jp.kyoso.plan.PlanDtos.StatusPercents;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A municipality's plans as the public reads them: the latest published version of each, whoever
 * asks (the area profile, the open-data files and the embeds show the same figures to everyone).
 * Two statements for any number of plans: the plans, then their latest versions.
 */
@ApplicationScoped
public class PublishedPlans {

    @Inject PlanContents contents;

    /** One published plan with the whole plan's progress in its current fiscal year. */
    public record Covered(PlanContent content, int fiscalYear, ProgressFigures overall) {
    }

    /** The latest published version of every public plan, ordered by title; {@code areaIds} null: every plan. */
    public List<PlanContent> of(String code, Collection<UUID> areaIds) {
        List<Plan> plans = Plan.list("municipalityCode = ?1 and latestVersion is not null order by title, id", code);
        if (plans.isEmpty()) {
            return List.of();
        }
        Map<UUID, Plan> byId = plans.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<PlanVersion> versions = PlanVersion.list("id.planId in ?1", byId.keySet());
        Map<UUID, PlanVersion> latest = versions.stream()
                .filter(v -> v.id.number() == byId.get(v.id.planId()).latestVersion)
                .collect(Collectors.toMap(v -> v.id.planId(), Function.identity()));
        return plans.stream().filter(p -> latest.containsKey(p.id))
                .map(p -> contents.version(p, latest.get(p.id)))
                .filter(c -> areaIds == null || (c.areaId() != null && areaIds.contains(c.areaId())))
                .toList();
    }

    /** A plan's latest published version, or null when the plan is unknown or not published. */
    public PlanContent latest(UUID planId) {
        Plan plan = planId == null ? null : Plan.findById(planId);
        if (plan == null || plan.latestVersion == null) {
            return null;
        }
        return contents.version(plan, contents.requireVersion(plan, plan.latestVersion));
    }

    /** The plans for these areas with their progress in the plan's current fiscal year (within its span). */
    public List<Covered> covering(String code, Collection<UUID> areaIds) {
        return of(code, areaIds).stream().map(c -> {
            int fy = c.plan().currentFiscalYear();
            int year = Math.max(c.startFiscalYear(), Math.min(c.endFiscalYear(), fy));
            return new Covered(c, year, figures(PlanProgress.of(c.tree(), year).overall()));
        }).toList();
    }

    /** The progress figures of a node as the progress table shows them. */
    public static ProgressFigures figures(PlanProgress.Figures f) {
        return new ProgressFigures(f.total(), StatusCounts.of(f), StatusPercents.of(f));
    }
}
