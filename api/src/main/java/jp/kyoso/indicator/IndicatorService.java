package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.web.Etags;
import jp.kyoso.indicator.IndicatorDtos.ActualView;
import jp.kyoso.indicator.IndicatorDtos.AssessmentView;
import jp.kyoso.indicator.IndicatorDtos.BaselineView;
import jp.kyoso.indicator.IndicatorDtos.IndicatorCreate;
import jp.kyoso.indicator.IndicatorDtos.IndicatorUpdate;
import jp.kyoso.indicator.IndicatorDtos.IndicatorView;
import jp.kyoso.indicator.IndicatorDtos.SeriesPoint;
import jp.kyoso.indicator.IndicatorDtos.TargetView;
import jp.kyoso.indicator.IndicatorDtos.ValueView;
import jp.kyoso.indicator.IndicatorDtos.ValueWrite;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.plan.Plan;
import jp.kyoso.plan.PlanItem;
import jp.kyoso.plan.PlanService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Indicators: the municipality's staff own the municipality's indicators; a plan's editors own
 * the plan's. Municipal indicators are public; a plan's are as visible as the plan.
 */
@ApplicationScoped
public class IndicatorService {

    @Inject
    Municipalities municipalities;

    @Inject
    PlanService plans;

    @Inject
    Access access;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    FiscalYears fiscalYears;

    @Inject
    RequestLanguage language;

    // ---- access ----

    public Indicator requireVisible(UUID id) {
        Indicator indicator = id == null ? null : Indicator.findById(id);
        if (indicator == null || (indicator.planId != null && !planVisible(Plan.findById(indicator.planId)))) {
            throw Problems.notFound(Label.of("成果指標が見つかりません", "No such indicator"));
        }
        return indicator;
    }

    private boolean planVisible(Plan plan) {
        return plan != null && (plan.isPublic() || plans.canEdit(plan));
    }

    public boolean canEdit(Indicator indicator) {
        if (!currentUser.isAuthenticated()) {
            return false;
        }
        return indicator.planId == null ? access.isStaff(indicator.municipalityCode)
                : plans.canEdit(Plan.findById(indicator.planId));
    }

    /** 401/403 unless the caller may edit; 409 when the owning plan is archived. */
    private void requireEditor(Indicator indicator) {
        access.requireUser();
        if (!canEdit(indicator)) {
            throw Problems.forbidden(indicator.planId == null
                    ? Label.of("自治体の成果指標は、その自治体の職員だけが編集できます",
                    "Only staff of the municipality may edit its indicators")
                    : Label.of("この成果指標は、計画を編集できる人だけが編集できます",
                    "Only editors of the plan may edit its indicators"));
        }
        if (indicator.planId != null) {
            Plan.<Plan>findById(indicator.planId).requireEditable();
        }
    }

    // ---- indicators ----

    public Page<IndicatorView> list(String code, UUID planId, IndicatorOwnerType owner, PageParams paging) {
        municipalities.require(code);
        StringBuilder where = new StringBuilder("municipalityCode = :code");
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        if (planId != null) {
            where.append(" and planId = :plan");
            params.put("plan", planId);
        }
        if (owner == IndicatorOwnerType.MUNICIPALITY) {
            where.append(" and planId is null");
        } else if (owner == IndicatorOwnerType.PLAN) {
            where.append(" and planId is not null");
        }
        if (!access.isStaff(code)) {
            List<UUID> mine = currentUser.id().map(uid -> OrganizationMembership.<OrganizationMembership>list(
                    "id.userId", uid).stream().map(m -> m.id.organizationId()).toList()).orElse(List.of());
            where.append(" and (planId is null or planId in (select p.id from Plan p where p.latestVersion is not null");
            if (!mine.isEmpty()) {
                where.append(" or p.organizationId in :mine");
                params.put("mine", mine);
            }
            where.append("))");
        }
        var query = Indicator.find(where + " order by sortOrder, name, id", params);
        long total = query.count();
        List<Indicator> indicators = query.page(paging.page, paging.size).list();
        return Page.of(views(indicators), paging, total);
    }

    @Transactional
    public Indicator create(String code, IndicatorCreate write) {
        municipalities.require(code);
        access.requireUser();
        Plan plan = null;
        if (write.planId() == null) {
            access.requireStaff(code);
        } else {
            plan = Plan.findById(write.planId());
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
        indicator.createdAt = OffsetDateTime.now();
        indicator.updatedAt = indicator.createdAt;
        List<UUID> items = checkItems(indicator, write.planItemIds());
        apply(indicator, write.name(), write.unit(), write.direction(), write.source(), write.definition(),
                write.decimals(), write.tolerance());
        indicator.sortOrder = write.sortOrder() != null ? write.sortOrder()
                : Indicator.find("municipalityCode", code).count() > 0
                ? Indicator.<Indicator>find("municipalityCode = ?1 order by sortOrder desc", code).firstResult().sortOrder + 1
                : 0;
        indicator.persist();
        items.forEach(item -> IndicatorItemLink.of(indicator.id, item).persist());
        indicator.persistAndFlush();
        audit.record(code, "indicator.create", "indicator", indicator.id, null, view(indicator));
        return indicator;
    }

    @Transactional
    public Indicator update(UUID id, String ifMatch, IndicatorUpdate write) {
        Indicator indicator = requireVisible(id);
        requireEditor(indicator);
        Etags.lockAndCheck(ifMatch, indicator, indicator.version);
        List<UUID> items = checkItems(indicator, write.planItemIds());
        int decimals = write.decimals() == null ? 0 : write.decimals();
        for (IndicatorValue v : IndicatorValue.of(indicator.id)) {
            for (BigDecimal value : new BigDecimal[]{v.baseline, v.target, v.actual}) {
                if (value != null && scale(value) > decimals) {
                    throw Problems.invalidField("decimals", Label.of("記録済みの値（" + fiscalYears.label(v.id.fiscalYear())
                                    + "）に小数点以下 " + scale(value) + " 桁の値があります",
                            "A recorded value (" + v.id.fiscalYear() + ") has " + scale(value) + " decimals"));
                }
            }
        }
        IndicatorView before = view(indicator);
        apply(indicator, write.name(), write.unit(), write.direction(), write.source(), write.definition(),
                write.decimals(), write.tolerance());
        if (write.sortOrder() != null) {
            indicator.sortOrder = write.sortOrder();
        }
        List<IndicatorItemLink> current = IndicatorItemLink.list("id.indicatorId", indicator.id);
        Set<UUID> wanted = new HashSet<>(items);
        current.stream().filter(l -> !wanted.contains(l.id.itemId())).forEach(IndicatorItemLink::delete);
        Set<UUID> present = current.stream().map(l -> l.id.itemId()).collect(Collectors.toSet());
        items.stream().filter(item -> !present.contains(item))
                .forEach(item -> IndicatorItemLink.of(indicator.id, item).persist());
        indicator.touch();
        indicator.persistAndFlush();
        audit.record(indicator.municipalityCode, "indicator.update", "indicator", indicator.id, before, view(indicator));
        return indicator;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Indicator indicator = requireVisible(id);
        requireEditor(indicator);
        Etags.lockAndCheck(ifMatch, indicator, indicator.version);
        audit.record(indicator.municipalityCode, "indicator.delete", "indicator", indicator.id, view(indicator), null);
        indicator.delete();
    }

    // ---- values ----

    /** Sets the figures of one fiscal year: fields left out stay, null clears; at most one year holds the baseline. */
    @Transactional
    public Indicator setValue(UUID id, int fiscalYear, String ifMatch, ValueWrite write) {
        Indicator indicator = requireVisible(id);
        requireEditor(indicator);
        Etags.lockAndCheck(ifMatch, indicator, indicator.version);
        if (fiscalYear < 1900 || fiscalYear > 2200) {
            throw Problems.invalidField("fiscalYear", Label.of("1900〜2200 年度で指定してください",
                    "Must be a fiscal year from 1900 to 2200"));
        }
        IndicatorValue.Key key = new IndicatorValue.Key(indicator.id, fiscalYear);
        IndicatorValue row = IndicatorValue.findById(key);
        Map<String, Object> before = row == null ? null : state(row);
        if (row == null) {
            row = new IndicatorValue();
            row.id = key;
        }
        Map<String, Label> errors = new LinkedHashMap<>();
        BigDecimal baseline = number("baseline", write.sent("baseline"), write.baseline, row.baseline,
                indicator.decimals, errors);
        BigDecimal target = number("target", write.sent("target"), write.target, row.target, indicator.decimals, errors);
        BigDecimal actual = number("actual", write.sent("actual"), write.actual, row.actual, indicator.decimals, errors);
        String note = !write.sent("note") ? row.note
                : write.note == null || write.note.isBlank() ? null : write.note.strip();
        if (note != null && note.length() > 2000) {
            errors.put("note", Label.of("2000 文字以内にしてください", "At most 2000 characters"));
        }
        if (baseline != null) {
            IndicatorValue other = IndicatorValue.find("id.indicatorId = ?1 and baseline is not null and id.fiscalYear <> ?2",
                    indicator.id, fiscalYear).firstResult();
            if (other != null) {
                errors.put("baseline", Label.of("基準値は" + fiscalYears.label(other.id.fiscalYear())
                                + "に設定済みです。基準値は一つの年度だけで、先にそちらを消してください",
                        "The baseline is already set for " + fiscalYears.label(other.id.fiscalYear())
                                + "; only one fiscal year holds it, so clear that first"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(Label.of("入力内容に誤りがあります", "The request has invalid fields"), errors);
        }
        row.baseline = baseline;
        row.target = target;
        row.actual = actual;
        row.note = note;
        row.sourceDate = write.sent("sourceDate") ? write.sourceDate : row.sourceDate;
        Map<String, Object> after = row.isEmpty() ? null : state(row);
        if (Objects.equals(before, after)) {
            return indicator;
        }
        row.updatedBy = currentUser.id().orElse(null);
        row.updatedAt = OffsetDateTime.now();
        if (row.isEmpty()) {
            if (before != null) {
                row.delete();
            }
        } else {
            row.persist();
        }
        indicator.touch();
        indicator.persistAndFlush();
        audit.record(indicator.municipalityCode, "indicator.value.set", "indicator", indicator.id, before, after);
        return indicator;
    }

    private static BigDecimal number(String field, boolean sent, BigDecimal value, BigDecimal current, int decimals,
                                     Map<String, Label> errors) {
        if (!sent) {
            return current;
        }
        if (value != null && value.abs().compareTo(IndicatorCsv.LIMIT) >= 0) {
            errors.put(field, Label.of("大きすぎます", "Too large"));
        } else if (value != null && scale(value) > decimals) {
            errors.put(field, Label.of("小数点以下は " + decimals + " 桁までです", "At most " + decimals + " decimals"));
        }
        return value;
    }

    private static int scale(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private Map<String, Object> state(IndicatorValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fiscalYear", v.id.fiscalYear());
        m.put("baseline", v.baseline == null ? null : v.baseline.stripTrailingZeros().toPlainString());
        m.put("target", v.target == null ? null : v.target.stripTrailingZeros().toPlainString());
        m.put("actual", v.actual == null ? null : v.actual.stripTrailingZeros().toPlainString());
        m.put("note", v.note);
        m.put("sourceDate", v.sourceDate == null ? null : v.sourceDate.toString());
        return m;
    }

    // ---- CSV ----

    public record Export(byte[] body, String fileName) {
    }

    public Export exportCsv(UUID id) {
        Indicator indicator = requireVisible(id);
        byte[] body = Csv.write(IndicatorCsv.export(IndicatorValue.of(indicator.id), indicator.decimals, language.get()));
        return new Export(body, indicator.name + ".csv");
    }

    /**
     * Replaces the figures with a file's: a year in the file is set from its cells (a column the
     * file lacks keeps that field), a year missing from the file is removed. All or nothing.
     */
    @Transactional
    public CsvImportReport importCsv(UUID id, String ifMatch, byte[] body) {
        Indicator indicator = requireVisible(id);
        requireEditor(indicator);
        Etags.lockAndCheck(ifMatch, indicator, indicator.version);
        Csv.Sheet sheet = Csv.read(body);
        List<IndicatorCsv.Row> rows = IndicatorCsv.parse(sheet, indicator.decimals);
        Map<Integer, IndicatorValue> existing = new LinkedHashMap<>();
        IndicatorValue.of(indicator.id).forEach(v -> existing.put(v.id.fiscalYear(), v));
        List<Map<String, Object>> before = existing.values().stream().map(this::state).toList();
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        int deleted = 0;
        Set<Integer> inFile = new HashSet<>();
        // Clear baselines first, so that moving the baseline to another year never meets the old one.
        if (rows.stream().anyMatch(r -> r.fields().containsKey(IndicatorCsv.BASELINE))) {
            for (IndicatorCsv.Row r : rows) {
                IndicatorValue v = existing.get(r.fiscalYear());
                if (v != null && v.baseline != null && r.fields().get(IndicatorCsv.BASELINE) == null) {
                    v.baseline = null;
                }
            }
        }
        for (IndicatorValue v : existing.values()) {
            if (rows.stream().noneMatch(r -> r.fiscalYear() == v.id.fiscalYear())) {
                v.delete();
                deleted++;
            }
        }
        IndicatorValue.flush();
        for (IndicatorCsv.Row r : rows) {
            inFile.add(r.fiscalYear());
            IndicatorValue v = existing.get(r.fiscalYear());
            Map<String, Object> old = v == null ? null : stateOf(before, r.fiscalYear());
            boolean isNew = v == null;
            if (isNew) {
                v = new IndicatorValue();
                v.id = new IndicatorValue.Key(indicator.id, r.fiscalYear());
            }
            Map<String, Object> f = r.fields();
            if (f.containsKey(IndicatorCsv.BASELINE)) {
                v.baseline = (BigDecimal) f.get(IndicatorCsv.BASELINE);
            }
            if (f.containsKey(IndicatorCsv.TARGET)) {
                v.target = (BigDecimal) f.get(IndicatorCsv.TARGET);
            }
            if (f.containsKey(IndicatorCsv.ACTUAL)) {
                v.actual = (BigDecimal) f.get(IndicatorCsv.ACTUAL);
            }
            if (f.containsKey(IndicatorCsv.NOTE)) {
                v.note = (String) f.get(IndicatorCsv.NOTE);
            }
            if (f.containsKey(IndicatorCsv.SOURCE_DATE)) {
                v.sourceDate = (LocalDate) f.get(IndicatorCsv.SOURCE_DATE);
            }
            if (v.isEmpty()) {
                if (!isNew) {
                    v.delete();
                    deleted++;
                }
                continue;
            }
            if (isNew) {
                created++;
            } else if (Objects.equals(old, state(v))) {
                unchanged++;
                continue;
            } else {
                changed++;
            }
            v.updatedBy = currentUser.id().orElse(null);
            v.updatedAt = OffsetDateTime.now();
            v.persist();
        }
        CsvImportReport report = new CsvImportReport(rows.size(), created, changed, deleted, unchanged,
                sheet.charsetName());
        if (created + changed + deleted > 0) {
            indicator.touch();
            indicator.persistAndFlush();
            audit.record(indicator.municipalityCode, "indicator.values.import", "indicator", indicator.id, before,
                    Map.of("values", IndicatorValue.of(indicator.id).stream().map(this::state).toList(), "report", report));
        }
        return report;
    }

    private static Map<String, Object> stateOf(List<Map<String, Object>> states, int fiscalYear) {
        return states.stream().filter(s -> Objects.equals(s.get("fiscalYear"), fiscalYear)).findFirst().orElse(null);
    }

    // ---- views ----

    public IndicatorView view(Indicator indicator) {
        return views(List.of(indicator)).get(0);
    }

    public List<IndicatorView> views(List<Indicator> indicators) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = indicators.stream().map(i -> i.id).toList();
        Map<UUID, List<IndicatorValue>> values = IndicatorValue.<IndicatorValue>list(
                        "id.indicatorId in ?1 order by id.fiscalYear", ids).stream()
                .collect(Collectors.groupingBy(v -> v.id.indicatorId()));
        Map<UUID, List<UUID>> links = visibleLinks(ids);
        return indicators.stream().map(i -> view(i, values.getOrDefault(i.id, List.of()),
                links.getOrDefault(i.id, List.of()))).toList();
    }

    /** Links to items of plans the caller may read. */
    private Map<UUID, List<UUID>> visibleLinks(Collection<UUID> indicatorIds) {
        List<IndicatorItemLink> links = IndicatorItemLink.list("id.indicatorId in ?1", indicatorIds);
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<UUID, PlanItem> items = PlanItem.<PlanItem>list("id in ?1",
                        links.stream().map(l -> l.id.itemId()).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<UUID, Boolean> planVisible = new HashMap<>();
        Map<UUID, List<UUID>> result = new HashMap<>();
        for (IndicatorItemLink link : links) {
            PlanItem item = items.get(link.id.itemId());
            if (item != null && planVisible.computeIfAbsent(item.planId, p -> planVisible(Plan.findById(p)))) {
                result.computeIfAbsent(link.id.indicatorId(), k -> new ArrayList<>()).add(item.id);
            }
        }
        return result;
    }

    private IndicatorView view(Indicator i, List<IndicatorValue> rows, List<UUID> itemIds) {
        int d = i.decimals;
        List<IndicatorMath.Value> figures = rows.stream().map(IndicatorValue::figures).toList();
        Optional<IndicatorMath.Point> base = IndicatorMath.baseline(figures);
        Optional<IndicatorMath.Point> latest = IndicatorMath.latestActual(figures);
        BigDecimal baseValue = base.map(IndicatorMath.Point::value).orElse(null);
        BigDecimal latestValue = latest.map(IndicatorMath.Point::value).orElse(null);
        BaselineView baseline = base.map(b -> new BaselineView(b.fiscalYear(), fiscalYears.label(b.fiscalYear()),
                IndicatorMath.scaled(b.value(), d))).orElse(null);
        List<TargetView> targets = IndicatorMath.targets(figures).stream().map(t -> new TargetView(t.fiscalYear(),
                fiscalYears.label(t.fiscalYear()), IndicatorMath.scaled(t.value(), d),
                IndicatorMath.achievement(i.direction, i.tolerance, baseValue, latestValue, t.value()))).toList();
        List<ActualView> actuals = rows.stream().filter(v -> v.actual != null).map(v -> new ActualView(v.id.fiscalYear(),
                fiscalYears.label(v.id.fiscalYear()), IndicatorMath.scaled(v.actual, d), v.note, v.sourceDate)).toList();
        IndicatorMath.Assessment assessment = IndicatorMath.assess(i.direction, d, i.tolerance, figures);
        AssessmentView assessed = assessment.latestActual() == null ? null : new AssessmentView(
                assessment.latestActual().fiscalYear(), fiscalYears.label(assessment.latestActual().fiscalYear()),
                IndicatorMath.scaled(assessment.latestActual().value(), d),
                assessment.nextTarget() == null ? null : assessment.nextTarget().fiscalYear(),
                assessment.nextTarget() == null ? null : fiscalYears.label(assessment.nextTarget().fiscalYear()),
                assessment.nextTarget() == null ? null : IndicatorMath.scaled(assessment.nextTarget().value(), d),
                assessment.expected());
        List<SeriesPoint> series = new ArrayList<>();
        if (!rows.isEmpty()) {
            Map<Integer, IndicatorValue> byYear = rows.stream().collect(Collectors.toMap(v -> v.id.fiscalYear(), v -> v));
            int first = rows.get(0).id.fiscalYear();
            int last = rows.get(rows.size() - 1).id.fiscalYear();
            for (int fy = first; fy <= last; fy++) {
                IndicatorValue v = byYear.get(fy);
                series.add(new SeriesPoint(fy, fiscalYears.label(fy), v == null ? null : IndicatorMath.scaled(v.baseline, d),
                        v == null ? null : IndicatorMath.scaled(v.target, d), v == null ? null : IndicatorMath.scaled(v.actual, d),
                        IndicatorMath.expected(i.direction, d, figures, fy)));
            }
        }
        List<ValueView> values = rows.stream().map(v -> new ValueView(v.id.fiscalYear(), fiscalYears.label(v.id.fiscalYear()),
                IndicatorMath.scaled(v.baseline, d), IndicatorMath.scaled(v.target, d), IndicatorMath.scaled(v.actual, d),
                v.note, v.sourceDate)).toList();
        return new IndicatorView(i.id, i.municipalityCode, i.ownerType(), language.label(i.ownerType()), i.planId,
                itemIds, i.name, i.unit, i.direction, language.label(i.direction), i.source, language.label(i.source),
                i.definition, i.decimals, i.tolerance, i.sortOrder, baseline, targets, actuals, assessment.status(),
                language.label(assessment.status()), assessed, series, values, i.version, i.createdAt, i.updatedAt);
    }

    // ---- helpers ----

    private List<UUID> checkItems(Indicator indicator, List<UUID> itemIds) {
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
