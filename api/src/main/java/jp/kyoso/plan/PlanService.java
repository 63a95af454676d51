package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationService;
import jp.kyoso.organization.OrganizationType;
import jp.kyoso.plan.PlanDtos.PlanCreate;
import jp.kyoso.plan.PlanDtos.PlanUpdate;
import jp.kyoso.plan.PlanDtos.PlanView;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans: the municipality's staff own the municipality's plans; members of a community council
 * (and staff, who support them) own the council's plans. Editors work on the draft; the public
 * reads published versions only ({@link PlanVersions}). Who may do what is {@link PlanAccess}.
 */
@ApplicationScoped
public class PlanService {

    @Inject Plans plans;
    @Inject PlanViews views;
    @Inject Changes changes;
    @Inject Municipalities municipalities;
    @Inject AreaService areas;
    @Inject OrganizationService organizations;
    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject AuditLog audit;
    @Inject FiscalYears fiscalYears;
    @Inject EntityManager em;

    /** For features that hang off plans (indicators): whether the caller edits this plan. */
    public boolean canEdit(Plan plan) {
        return plans.canEdit(plan);
    }

    /** For features that hang off plans (indicators): 401/403 unless the caller edits this plan. */
    public void requireEditor(Plan plan) {
        plans.requireEditor(plan);
    }

    public WithVersion<PlanView> get(UUID id) {
        return withView(plans.requireVisible(id));
    }

    @Transactional
    public WithVersion<PlanView> create(String code, PlanCreate write) {
        municipalities.require(code);
        access.requireUser();
        Organization owner = write.organizationId() == null ? null : council(code, write.organizationId());
        if (owner == null) {
            access.requireStaff(code);
        }
        checkSpan(write.startFiscalYear(), write.endFiscalYear());
        checkArea(code, write.areaId());
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.municipalityCode = code;
        plan.organizationId = owner == null ? null : owner.id;
        plan.status = PlanStatus.DRAFT;
        plan.unpublishedChanges = true;
        plan.createdBy = currentUser.require().id();
        plan.created();
        apply(plan, write.title(), write.vision(), write.description(), write.areaId(), write.startFiscalYear(),
                write.endFiscalYear());
        plan.persistAndFlush();
        audit.record(code, "plan.create", "plan", plan.id, null, views.view(plan));
        return withView(plan);
    }

    /** The community council that is to own a new plan: active, of this municipality, edited by the caller. */
    private Organization council(String code, UUID organizationId) {
        Organization owner = Organization.findById(organizationId);
        if (owner == null || owner.deletedAt != null || !owner.municipalityCode.equals(code)) {
            throw Problems.invalidField("organizationId", Label.of("この自治体の団体ではありません",
                    "Not an organisation of this municipality"));
        }
        if (owner.type != OrganizationType.COMMUNITY_COUNCIL) {
            throw Problems.invalidField("organizationId", Label.of(
                    "計画を持てるのは地域づくり協議会（COMMUNITY_COUNCIL）か自治体です",
                    "Plans belong to a community council (COMMUNITY_COUNCIL) or to the municipality"));
        }
        organizations.requireEditor(owner);
        if (!owner.isActive()) {
            throw Problems.invalidField("organizationId", Label.of("承認済みの団体だけが計画を持てます",
                    "Only an active (approved) organisation may own a plan"));
        }
        return owner;
    }

    @Transactional
    public WithVersion<PlanView> update(UUID id, String ifMatch, PlanUpdate write) {
        Plan plan = plans.requireEditable(id);
        changes.update(plan, ifMatch, audited(plan, "plan.update"), views::view, p -> {
            checkSpan(write.startFiscalYear(), write.endFiscalYear());
            checkArea(p.municipalityCode, write.areaId());
            checkStatusesWithin(p, write.startFiscalYear(), write.endFiscalYear());
            apply(p, write.title(), write.vision(), write.description(), write.areaId(), write.startFiscalYear(),
                    write.endFiscalYear());
        });
        return withView(plan);
    }

    /** Only a plan that was never published, and has no indicators left, may be deleted. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Plan plan = plans.requireVisible(id);
        plans.requireEditor(plan);
        changes.delete(plan, ifMatch, audited(plan, "plan.delete"), views::view, p -> {
            p.requireDeletable();
            if (indicatorCount(p.id) > 0) {
                throw Problems.conflict(Label.of("この計画の成果指標を先に削除してください",
                        "Delete the plan's indicators first"));
            }
            p.delete();
        });
    }

    /** Archiving closes a plan without an If-Match: it changes no content, only whether it may change. */
    @Transactional
    public WithVersion<PlanView> archive(UUID id) {
        Plan plan = plans.requireVisible(id);
        plans.requireEditor(plan);
        PlanView before = views.view(plan);
        plan.archive();
        plan.persistAndFlush();
        audit.record(plan.municipalityCode, "plan.archive", "plan", plan.id, before, views.view(plan));
        return withView(plan);
    }

    private WithVersion<PlanView> withView(Plan plan) {
        return new WithVersion<>(views.view(plan), plan.version);
    }

    private static Changes.Audited audited(Plan plan, String action) {
        return new Changes.Audited(plan.municipalityCode, action, "plan", plan.id);
    }

    private static void apply(Plan plan, String title, String vision, String description, UUID areaId,
                              int startFiscalYear, int endFiscalYear) {
        plan.areaId = areaId;
        plan.title = title.strip();
        plan.vision = blankToNull(vision);
        plan.description = blankToNull(description);
        plan.startFiscalYear = startFiscalYear;
        plan.endFiscalYear = endFiscalYear;
    }

    /** Indicators belong to another feature, which depends on this one; so they are counted, not loaded. */
    private long indicatorCount(UUID planId) {
        return ((Number) em.createNativeQuery("select count(*) from indicator where plan_id = ?1")
                .setParameter(1, planId).getSingleResult()).longValue();
    }

    private void checkSpan(int start, int end) {
        if (end < start) {
            throw Problems.invalidField("endFiscalYear", Label.of("開始年度以降にしてください",
                    "Must not be before the start fiscal year"));
        }
        if (end - start >= Plan.MAX_YEARS) {
            throw Problems.invalidField("endFiscalYear", Label.of("計画期間は " + Plan.MAX_YEARS + " 年度以内にしてください",
                    "A plan spans at most " + Plan.MAX_YEARS + " fiscal years"));
        }
    }

    private void checkArea(String code, UUID areaId) {
        if (areaId != null) {
            areas.requireAreasOf(code, List.of(areaId), "areaId");
        }
    }

    /** A span may shrink only past years that carry no statuses: they would silently drop out of progress. */
    private void checkStatusesWithin(Plan plan, int start, int end) {
        Set<Integer> outside = ItemStatusRecord.ofPlan(plan.id).stream().map(s -> s.id.fiscalYear())
                .filter(fy -> fy < start || fy > end).collect(Collectors.toCollection(TreeSet::new));
        if (!outside.isEmpty()) {
            String years = outside.stream().map(fiscalYears::label).collect(Collectors.joining(", "));
            throw Problems.invalidField(outside.iterator().next() < start ? "startFiscalYear" : "endFiscalYear",
                    Label.of("期間外の年度（" + years + "）に進捗が記録されています。先に消してください",
                            "Statuses are recorded for years outside the new span (" + years + "); clear them first"));
        }
    }
}
