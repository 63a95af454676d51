package jp.kyoso.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.indicator.Direction;
import jp.kyoso.indicator.Indicator;
import jp.kyoso.indicator.IndicatorItemLink;
import jp.kyoso.indicator.IndicatorSource;
import jp.kyoso.indicator.IndicatorValue;
import jp.kyoso.plan.ItemStatus;
import jp.kyoso.plan.ItemStatusRecord;
import jp.kyoso.plan.Plan;
import jp.kyoso.plan.PlanItem;
import jp.kyoso.plan.PlanReview;
import jp.kyoso.plan.PlanSnapshot;
import jp.kyoso.plan.PlanStatus;
import jp.kyoso.plan.PlanTree;
import jp.kyoso.plan.PlanVersion;
import jp.kyoso.plan.ReviewKind;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo plans and indicators of 山陽小野田市 ({@code demo/plans.json}, {@code demo/indicators.json}):
 * the municipality's co-creation plan (four policies, their measures and 42 items with statuses
 * over several fiscal years, five published versions, reviews), 本山地区's area plan, and five
 * indicators of citizen participation over ten years. Run after the base demo data; a plan or
 * indicator is inserted with everything in it only when its fixed id is absent.
 */
@ApplicationScoped
public class PlanDemoDataLoader {

    private static final Logger LOG = Logger.getLogger(PlanDemoDataLoader.class);

    record DemoItem(UUID id, String code, String title, String description, Integer addedInVersion,
                    Map<Integer, ItemStatus> statuses, List<DemoItem> children) {
    }

    record DemoVersion(int number, OffsetDateTime publishedAt, String publishedBy, String note, int statusesThrough) {
    }

    record DemoReview(UUID id, int fiscalYear, ReviewKind kind, String evaluator, String author, String summary,
                      String findings, String nextActions) {
    }

    record DemoPlan(UUID id, String municipalityCode, UUID organizationId, UUID areaId, String title, String vision,
                    String description, int startFiscalYear, int endFiscalYear, String createdBy,
                    OffsetDateTime createdAt, List<DemoVersion> versions, List<DemoReview> reviews,
                    List<DemoItem> items) {
    }

    record DemoValue(int fiscalYear, BigDecimal baseline, BigDecimal target, BigDecimal actual, String note,
                     LocalDate sourceDate) {
    }

    record DemoIndicator(UUID id, String municipalityCode, UUID planId, List<UUID> planItemIds, String name,
                         String unit, Direction direction, IndicatorSource source, String definition, int decimals,
                         BigDecimal tolerance, int sortOrder, String createdBy, List<DemoValue> values) {
    }

    record Plans(List<DemoPlan> plans) {
    }

    record Indicators(List<DemoIndicator> indicators) {
    }

    /** An item with its parent, depth-first, as the loader flattens the tree. */
    private record Flat(DemoItem item, UUID parentId, int position) {
    }

    @Inject EntityManager em;
    @Inject ObjectMapper appJson;

    @Transactional(Transactional.TxType.MANDATORY)
    public void load(Map<String, UUID> userIds) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Plans plans = read(json, "/demo/plans.json", new TypeReference<>() {
        });
        Indicators indicators = read(json, "/demo/indicators.json", new TypeReference<>() {
        });
        int added = 0;
        for (DemoPlan dp : plans.plans()) {
            if (Plan.findById(dp.id()) == null) {
                insert(dp, userIds);
                added++;
            }
        }
        for (DemoIndicator di : indicators.indicators()) {
            if (Indicator.findById(di.id()) == null) {
                insert(di, userIds);
                added++;
            }
        }
        LOG.infof("Demo plans and indicators: %d added", added);
    }

    private void insert(DemoPlan dp, Map<String, UUID> userIds) {
        List<Flat> flat = new ArrayList<>();
        flatten(dp.items(), null, flat);
        Plan plan = new Plan();
        plan.id = dp.id();
        plan.municipalityCode = dp.municipalityCode();
        plan.organizationId = dp.organizationId();
        plan.areaId = dp.areaId();
        plan.title = dp.title();
        plan.vision = dp.vision();
        plan.description = dp.description();
        plan.startFiscalYear = dp.startFiscalYear();
        plan.endFiscalYear = dp.endFiscalYear();
        plan.createdBy = userIds.get(dp.createdBy());
        plan.createdAt = dp.createdAt();
        plan.updatedAt = dp.createdAt();
        plan.status = dp.versions().isEmpty() ? PlanStatus.DRAFT : PlanStatus.PUBLISHED;
        plan.latestVersion = dp.versions().isEmpty() ? null : dp.versions().get(dp.versions().size() - 1).number();
        PlanSnapshot working = snapshot(dp, flat, Integer.MAX_VALUE, Integer.MAX_VALUE);
        PlanSnapshot last = dp.versions().isEmpty() ? null : snapshot(dp, flat, Integer.MAX_VALUE,
                dp.versions().get(dp.versions().size() - 1).statusesThrough());
        plan.unpublishedChanges = last == null || !working.equals(last);
        plan.persist();
        em.flush();
        for (Flat f : flat) {
            PlanItem item = new PlanItem();
            item.id = f.item().id();
            item.planId = plan.id;
            item.parentId = f.parentId();
            item.code = f.item().code();
            item.title = f.item().title();
            item.description = f.item().description();
            item.sortOrder = f.position();
            item.persist();
        }
        em.flush();
        for (Flat f : flat) {
            if (f.item().statuses() == null) {
                continue;
            }
            f.item().statuses().forEach((fy, status) -> {
                ItemStatusRecord r = new ItemStatusRecord();
                r.id = new ItemStatusRecord.Key(f.item().id(), fy);
                r.planId = plan.id;
                r.status = status;
                r.updatedBy = plan.createdBy;
                r.updatedAt = plan.createdAt;
                r.persist();
            });
        }
        for (DemoVersion dv : dp.versions()) {
            PlanVersion v = new PlanVersion();
            v.id = new PlanVersion.Key(plan.id, dv.number());
            v.publishedAt = dv.publishedAt();
            v.publishedBy = userIds.get(dv.publishedBy());
            v.note = dv.note();
            v.snapshot = toJson(snapshot(dp, flat, dv.number(), dv.statusesThrough()));
            v.persist();
            plan.updatedAt = dv.publishedAt();
        }
        for (DemoReview dr : dp.reviews()) {
            PlanReview r = new PlanReview();
            r.id = dr.id();
            r.planId = plan.id;
            r.fiscalYear = dr.fiscalYear();
            r.kind = dr.kind();
            r.evaluator = dr.evaluator();
            r.summary = dr.summary();
            r.findings = dr.findings();
            r.nextActions = dr.nextActions();
            r.authorId = userIds.get(dr.author());
            r.createdAt = FiscalYearDates.reviewDate(dr.fiscalYear());
            r.updatedAt = r.createdAt;
            r.persist();
        }
        em.flush();
    }

    /** The plan as version {@code number} had it: items added by then, statuses up to a fiscal year. */
    private static PlanSnapshot snapshot(DemoPlan dp, List<Flat> flat, int number, int statusesThrough) {
        List<PlanTree.Item> items = new ArrayList<>();
        List<PlanTree.Status> statuses = new ArrayList<>();
        for (Flat f : flat) {
            int since = f.item().addedInVersion() == null ? 1 : f.item().addedInVersion();
            if (since > number) {
                continue;
            }
            items.add(new PlanTree.Item(f.item().id(), f.parentId(), f.item().code(), f.item().title(),
                    f.item().description(), f.position()));
            if (f.item().statuses() != null) {
                f.item().statuses().forEach((fy, s) -> {
                    if (fy <= statusesThrough) {
                        statuses.add(new PlanTree.Status(f.item().id(), fy, s));
                    }
                });
            }
        }
        PlanTree tree = PlanTree.of(items, statuses);
        return new PlanSnapshot(dp.title(), dp.vision(), dp.description(), dp.areaId(), dp.startFiscalYear(),
                dp.endFiscalYear(), tree.items(), tree.statuses());
    }

    private static void flatten(List<DemoItem> items, UUID parentId, List<Flat> out) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            DemoItem item = items.get(i);
            out.add(new Flat(item, parentId, i));
            flatten(item.children(), item.id(), out);
        }
    }

    private void insert(DemoIndicator di, Map<String, UUID> userIds) {
        Indicator indicator = new Indicator();
        indicator.id = di.id();
        indicator.municipalityCode = di.municipalityCode();
        indicator.planId = di.planId();
        indicator.name = di.name();
        indicator.unit = di.unit();
        indicator.direction = di.direction();
        indicator.source = di.source();
        indicator.definition = di.definition();
        indicator.decimals = di.decimals();
        indicator.tolerance = di.tolerance();
        indicator.sortOrder = di.sortOrder();
        indicator.createdBy = userIds.get(di.createdBy());
        indicator.createdAt = OffsetDateTime.now();
        indicator.updatedAt = indicator.createdAt;
        indicator.persist();
        em.flush();
        for (UUID itemId : di.planItemIds()) {
            if (PlanItem.findById(itemId) != null) {
                IndicatorItemLink.of(indicator.id, itemId).persist();
            }
        }
        for (DemoValue dv : di.values()) {
            IndicatorValue v = new IndicatorValue();
            v.id = new IndicatorValue.Key(indicator.id, dv.fiscalYear());
            v.baseline = dv.baseline();
            v.target = dv.target();
            v.actual = dv.actual();
            v.note = dv.note();
            v.sourceDate = dv.sourceDate();
            v.updatedBy = indicator.createdBy;
            v.updatedAt = indicator.createdAt;
            v.persist();
        }
        em.flush();
    }

    private String toJson(Object value) {
        try {
            return appJson.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(ObjectMapper json, String resource, TypeReference<T> type) {
        try (InputStream in = PlanDemoDataLoader.class.getResourceAsStream(resource)) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** When a year's review was written: early in the next fiscal year. */
    private static final class FiscalYearDates {
        static OffsetDateTime reviewDate(int fiscalYear) {
            return OffsetDateTime.parse((fiscalYear + 1) + "-05-10T10:00:00+09:00");
        }
    }
}
