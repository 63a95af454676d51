package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.area.AreaService;
import jp.kyoso.indicator.IndicatorDtos.ComputedWrite;
import jp.kyoso.indicator.IndicatorDtos.IndicatorCreate;
import jp.kyoso.indicator.IndicatorDtos.IndicatorUpdate;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.plan.Plan;
import jp.kyoso.plan.PlanItem;
import jp.kyoso.plan.PlanService;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Indicators and what they measure: the municipality's staff own the municipality's indicators,
 * a plan's editors the plan's ({@link IndicatorAccess}). An indicator measures items of plans of
 * its municipality — of its own plan, when a plan owns it. Its figures are
 * {@link IndicatorValues} and {@link IndicatorImport}.
 */
@ApplicationScoped
public class IndicatorService {

    @Inject Indicators indicators;
    @Inject IndicatorViews views;
    @Inject Changes changes;
    @Inject Municipalities municipalities;
    @Inject PlanService plans;
    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject AuditLog audit;
    @Inject FiscalYears fiscalYears;
    @Inject AreaService areas;

    @Transactional
    public Indicator create(String code, IndicatorCreate write) {
        municipalities.require(code);
        access.requireUser();
        if (write.planId() == null) {
            access.requireStaff(code);
        } else {
            Plan plan = Plan.findById(write.planId());
            if (plan == null || !plan.municipalityCode.equals(code)) {
                throw Problems.invalidField("planId", Label.of("この自治体の計画ではありません",
                        "Not a plan of this municipality"));
            }
            plans.requireEditor(plan);
            plan.requireEditable();
        }
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.municipalityCode = code;
        indicator.planId = write.planId();
        indicator.createdBy = currentUser.require().id();
        indicator.created();
        List<UUID> items = checkItems(indicator, write.planItemIds());
        apply(indicator, write.name(), write.unit(), write.direction(), write.source(), write.definition(),
                write.decimals(), write.tolerance());
        compute(indicator, write.source(), write.computed());
        // A new indicator goes last unless told where.
        indicator.sortOrder = write.sortOrder() != null ? write.sortOrder()
                : Indicator.find("municipalityCode", code).count() > 0
                ? Indicator.<Indicator>find("municipalityCode = ?1 order by sortOrder desc", code).firstResult().sortOrder + 1
                : 0;
        indicator.persist();
        items.forEach(item -> IndicatorItemLink.of(indicator.id, item).persist());
        indicator.persistAndFlush();
        audit.record(code, "indicator.create", "indicator", indicator.id, null, views.view(indicator));
        return indicator;
    }

    @Transactional
    public Indicator update(UUID id, String ifMatch, IndicatorUpdate write) {
        Indicator indicator = indicators.requireVisible(id);
        indicators.accessTo(indicator).requireEditor();
        return changes.update(indicator, ifMatch, audited(indicator, "indicator.update"), views::view, i -> {
            List<UUID> items = checkItems(i, write.planItemIds());
            requireDecimalsOfRecordedValues(i, write.decimals() == null ? 0 : write.decimals());
            apply(i, write.name(), write.unit(), write.direction(), write.source(), write.definition(),
                    write.decimals(), write.tolerance());
            compute(i, write.source(), write.computed());
            if (write.sortOrder() != null) {
                i.sortOrder = write.sortOrder();
            }
            relink(i, items);
        });
    }

    /** Its figures and links go with it (the database cascades). */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Indicator indicator = indicators.requireVisible(id);
        indicators.accessTo(indicator).requireEditor();
        changes.delete(indicator, ifMatch, audited(indicator, "indicator.delete"), views::view, i -> i.delete());
    }

    private static Changes.Audited audited(Indicator indicator, String action) {
        return new Changes.Audited(indicator.municipalityCode, action, "indicator", indicator.id);
    }

    /** Fewer decimals would round recorded figures silently, so they are refused while a figure has more. */
    private void requireDecimalsOfRecordedValues(Indicator indicator, int decimals) {
        for (IndicatorValue v : IndicatorValue.of(indicator.id)) {
            for (BigDecimal value : new BigDecimal[]{v.baseline, v.target, v.actual}) {
                if (value != null && IndicatorValues.scale(value) > decimals) {
                    throw Problems.invalidField("decimals", Label.of("記録済みの値（" + fiscalYears.label(v.id.fiscalYear())
                                    + "）に小数点以下 " + IndicatorValues.scale(value) + " 桁の値があります",
                            "A recorded value (" + v.id.fiscalYear() + ") has " + IndicatorValues.scale(value)
                                    + " decimals"));
                }
            }
        }
    }

    private static void relink(Indicator indicator, List<UUID> items) {
        List<IndicatorItemLink> current = IndicatorItemLink.list("id.indicatorId", indicator.id);
        Set<UUID> wanted = new HashSet<>(items);
        current.stream().filter(l -> !wanted.contains(l.id.itemId())).forEach(IndicatorItemLink::delete);
        Set<UUID> present = current.stream().map(l -> l.id.itemId()).collect(Collectors.toSet());
        items.stream().filter(item -> !present.contains(item))
                .forEach(item -> IndicatorItemLink.of(indicator.id, item).persist());
    }

    /** Items of plans of the indicator's municipality, of its own plan when a plan owns it; 400 otherwise. */
    private static List<UUID> checkItems(Indicator indicator, List<UUID> itemIds) {
        if (itemIds == null || itemIds.isEmpty()) {
            return List.of();
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(itemIds));
        List<PlanItem> items = PlanItem.list("id in ?1", distinct);
        Set<UUID> planIds = items.stream().map(it -> it.planId).collect(Collectors.toSet());
        Map<UUID, Plan> owners = planIds.isEmpty() ? Map.of() : Plan.<Plan>list("id in ?1", planIds).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        boolean ok = items.size() == distinct.size() && items.stream().allMatch(it -> {
            Plan p = owners.get(it.planId);
            return p != null && p.municipalityCode.equals(indicator.municipalityCode)
                    && (indicator.planId == null || indicator.planId.equals(it.planId));
        });
        if (!ok) {
            throw Problems.invalidField("planItemIds", indicator.planId == null
                    ? Label.of("この自治体の計画の項目ではないものが含まれています",
                    "Contains an id that is not an item of a plan of this municipality")
                    : Label.of("この計画の項目ではないものが含まれています",
                    "Contains an id that is not an item of this indicator's plan"));
        }
        return distinct;
    }

    /**
     * Source PLATFORM goes with a computation and nothing else does. An indicator becomes computed
     * only without typed actuals: they would be hidden behind the derived ones.
     */
    private void compute(Indicator indicator, IndicatorSource source, ComputedWrite computed) {
        if (source == IndicatorSource.PLATFORM && computed == null) {
            throw Problems.invalidField("computed", Label.of("出典が「Kyoso の記録から集計」の指標には集計方法が必要です",
                    "An indicator computed from Kyoso's records needs its computation"));
        }
        if (source != IndicatorSource.PLATFORM && computed != null) {
            throw Problems.invalidField("source", Label.of("集計方法を指定するときは出典を PLATFORM にしてください",
                    "An indicator with a computation has the source PLATFORM"));
        }
        if (computed == null) {
            indicator.computedFrom = null;
            indicator.computedMeasure = null;
            indicator.computedKinds = new String[0];
            indicator.computedAreaIds = new UUID[0];
            return;
        }
        List<UUID> areaIds = computed.areaIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(computed.areaIds()));
        areas.requireAreasOf(indicator.municipalityCode, areaIds, "computed.areaIds");
        if (!indicator.isComputed() && IndicatorValue.count("id.indicatorId = ?1 and actual is not null", indicator.id) > 0) {
            throw Problems.conflict(Label.of("入力済みの実績値があるため、集計する指標にできません。先に実績値を消してください",
                    "The indicator has typed actuals; clear them before making it computed"));
        }
        indicator.computedFrom = computed.from();
        indicator.computedMeasure = computed.measure();
        indicator.computedKinds = computed.kinds() == null ? new String[0]
                : computed.kinds().stream().distinct().sorted().map(Enum::name).toArray(String[]::new);
        indicator.computedAreaIds = areaIds.toArray(UUID[]::new);
    }

    private static void apply(Indicator indicator, String name, String unit, Direction direction, IndicatorSource source,
                              String definition, Integer decimals, BigDecimal tolerance) {
        indicator.name = name.strip();
        indicator.unit = unit.strip();
        indicator.direction = direction;
        indicator.source = source;
        indicator.definition = definition == null || definition.isBlank() ? null : definition.strip();
        indicator.decimals = decimals == null ? 0 : decimals;
        indicator.tolerance = tolerance;
    }
}
