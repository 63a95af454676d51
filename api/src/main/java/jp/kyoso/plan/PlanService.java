package jp.kyoso.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.area.Area;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;
import jp.kyoso.core.web.Etags;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.organization.OrganizationService;
import jp.kyoso.organization.OrganizationType;
import jp.kyoso.plan.PlanDtos.DiffView;
import jp.kyoso.plan.PlanDtos.PlanCreate;
import jp.kyoso.plan.PlanDtos.PlanUpdate;
import jp.kyoso.plan.PlanDtos.PlanView;
import jp.kyoso.plan.PlanDtos.VersionSummary;
import jp.kyoso.plan.PlanDtos.VersionView;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans: the municipality's staff own the municipality's plans; members of a community council
 * (and staff, who support them) own the council's plans. Editors work on the draft; the public
 * reads published versions only.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    Plans plans;

    @Inject
    People people;

    @Inject
    Municipalities municipalities;

    @Inject
    AreaService areas;

    @Inject
    OrganizationService organizations;

    @Inject
    Access access;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    RequestLanguage language;

    @Inject
    FiscalYears fiscalYears;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    /**
     * What a caller reads of a plan: the working draft ({@code version} null) or a published
     * version with its snapshot; in both cases the text, span and tree to show.
     */
    public record Content(Plan plan, PlanVersion version, String title, String vision, String description,
                          UUID areaId, int startFiscalYear, int endFiscalYear, PlanTree tree) {

        public Integer versionNumber() {
            return version == null ? null : version.id.number();
        }

        public boolean covers(int fiscalYear) {
            return fiscalYear >= startFiscalYear && fiscalYear <= endFiscalYear;
        }

        public PlanSnapshot snapshot() {
            return new PlanSnapshot(title, vision, description, areaId, startFiscalYear, endFiscalYear,
                    tree.items(), tree.statuses());
        }
    }

    // ---- access (see PlanAccess) ----

    /** The plan if the caller may read it: published ones for everyone, drafts for their editors. */
    public Plan requireVisible(UUID id) {
        return plans.requireVisible(id);
    }

    public boolean canEdit(Plan plan) {
        return plans.canEdit(plan);
    }

    public void requireEditor(Plan plan) {
        plans.requireEditor(plan);
    }

    /** The plan, visible and editable by the caller, still open for changes. */
    public Plan requireEditable(UUID id) {
        return plans.requireEditable(id);
    }

    // ---- content ----

    public PlanTree workingTree(UUID planId) {
        return PlanTree.of(PlanItem.ofPlan(planId).stream().map(PlanItem::data).toList(),
                ItemStatusRecord.ofPlan(planId).stream().map(ItemStatusRecord::data).toList());
    }

    /** The caller's view: a given published version, else the draft for editors and the latest version for others. */
    public Content content(Plan plan, Integer versionNumber) {
        if (versionNumber != null) {
            return versionContent(plan, requireVersion(plan, versionNumber));
        }
        if (plans.access().readsDraft(plan)) {
            return draftContent(plan);
        }
        return versionContent(plan, requireVersion(plan, plan.latestVersion));
    }

    public Content draftContent(Plan plan) {
        return new Content(plan, null, plan.title, plan.vision, plan.description, plan.areaId,
                plan.startFiscalYear, plan.endFiscalYear, workingTree(plan.id));
    }

    Content versionContent(Plan plan, PlanVersion version) {
        PlanSnapshot s = snapshotOf(version);
        return new Content(plan, version, s.title(), s.vision(), s.description(), s.areaId(), s.startFiscalYear(),
                s.endFiscalYear(), s.tree());
    }

    PlanVersion requireVersion(Plan plan, int number) {
        PlanVersion version = PlanVersion.find(plan.id, number);
        if (version == null) {
            throw Problems.notFound(Label.of("第" + number + "版はありません", "No version " + number + " of this plan"));
        }
        return version;
    }

    PlanSnapshot snapshotOf(PlanVersion version) {
        try {
            return json.readValue(version.snapshot, PlanSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- plans ----

    public Page<PlanView> list(String code, PlanStatus status, UUID organizationId, UUID areaId, PageParams paging) {
        municipalities.require(code);
        StringBuilder where = new StringBuilder("municipalityCode = :code");
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (organizationId != null) {
            where.append(" and organizationId = :org");
            params.put("org", organizationId);
        }
        if (areaId != null) {
            where.append(" and areaId = :area");
            params.put("area", areaId);
        }
        if (!plans.access().listsEveryDraftOf(code)) {
            List<UUID> mine = currentUser.id().map(uid -> OrganizationMembership.<OrganizationMembership>list(
                    "id.userId", uid).stream().map(m -> m.id.organizationId()).toList()).orElse(List.of());
            if (mine.isEmpty()) {
                where.append(" and latestVersion is not null");
            } else {
                where.append(" and (latestVersion is not null or organizationId in :mine)");
                params.put("mine", mine);
            }
        }
        var query = Plan.find(where + " order by startFiscalYear desc, title, id", params);
        long total = query.count();
        List<Plan> plans = query.page(paging.page, paging.size).list();
        return Page.of(views(plans), paging, total);
    }

    @Transactional
    public Plan create(String code, PlanCreate write) {
        municipalities.require(code);
        access.requireUser();
        Organization owner = null;
        if (write.organizationId() == null) {
            access.requireStaff(code);
        } else {
            owner = Organization.findById(write.organizationId());
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
        plan.createdAt = OffsetDateTime.now();
        plan.updatedAt = plan.createdAt;
        plan.areaId = write.areaId();
        plan.title = write.title().strip();
        plan.vision = blankToNull(write.vision());
        plan.description = blankToNull(write.description());
        plan.startFiscalYear = write.startFiscalYear();
        plan.endFiscalYear = write.endFiscalYear();
        plan.persistAndFlush();
        audit.record(code, "plan.create", "plan", plan.id, null, view(plan));
        return plan;
    }

    @Transactional
    public Plan update(UUID id, String ifMatch, PlanUpdate write) {
        Plan plan = requireEditable(id);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        checkSpan(write.startFiscalYear(), write.endFiscalYear());
        checkArea(plan.municipalityCode, write.areaId());
        Set<Integer> outside = ItemStatusRecord.ofPlan(plan.id).stream().map(s -> s.id.fiscalYear())
                .filter(fy -> fy < write.startFiscalYear() || fy > write.endFiscalYear())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!outside.isEmpty()) {
            String years = outside.stream().map(fiscalYears::label).collect(Collectors.joining(", "));
            throw Problems.invalidField(outside.iterator().next() < write.startFiscalYear() ? "startFiscalYear"
                    : "endFiscalYear", Label.of("期間外の年度（" + years + "）に進捗が記録されています。先に消してください",
                    "Statuses are recorded for years outside the new span (" + years + "); clear them first"));
        }
        PlanView before = view(plan);
        plan.areaId = write.areaId();
        plan.title = write.title().strip();
        plan.vision = blankToNull(write.vision());
        plan.description = blankToNull(write.description());
        plan.startFiscalYear = write.startFiscalYear();
        plan.endFiscalYear = write.endFiscalYear();
        plan.touch();
        plan.persistAndFlush();
        audit.record(plan.municipalityCode, "plan.update", "plan", plan.id, before, view(plan));
        return plan;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Plan plan = requireVisible(id);
        requireEditor(plan);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        plan.requireDeletable();
        long indicators = ((Number) em.createNativeQuery("select count(*) from indicator where plan_id = ?1")
                .setParameter(1, plan.id).getSingleResult()).longValue();
        if (indicators > 0) {
            throw Problems.conflict(Label.of("この計画の成果指標を先に削除してください",
                    "Delete the plan's indicators first"));
        }
        audit.record(plan.municipalityCode, "plan.delete", "plan", plan.id, view(plan), null);
        plan.delete();
    }

    @Transactional
    public WithVersion<VersionSummary> publish(UUID id, String ifMatch, String note) {
        Plan plan = requireEditable(id);
        if (ifMatch != null) {
            Etags.lockAndCheck(ifMatch, plan, plan.version);
        }
        PlanView before = view(plan);
        int number = plan.latestVersion == null ? 1 : plan.latestVersion + 1;
        PlanSnapshot snapshot = draftContent(plan).snapshot();
        plan.publish(number);
        Person publisher = currentUser.require();
        PlanVersion version = new PlanVersion();
        version.id = new PlanVersion.Key(plan.id, number);
        version.publishedAt = OffsetDateTime.now();
        version.publishedBy = publisher.id();
        version.note = blankToNull(note);
        version.snapshot = toJson(snapshot);
        version.persist();
        plan.persistAndFlush();
        VersionSummary summary = summary(plan, version);
        audit.record(plan.municipalityCode, "plan.publish", "plan", plan.id, before, summary);
        return new WithVersion<>(summary, plan.version);
    }

    @Transactional
    public Plan archive(UUID id) {
        Plan plan = requireVisible(id);
        requireEditor(plan);
        PlanView before = view(plan);
        plan.archive();
        plan.persistAndFlush();
        audit.record(plan.municipalityCode, "plan.archive", "plan", plan.id, before, view(plan));
        return plan;
    }

    public List<VersionSummary> versions(UUID id) {
        Plan plan = requireVisible(id);
        List<PlanVersion> versions = PlanVersion.ofPlan(plan.id);
        boolean editor = canEdit(plan);
        Map<UUID, String> names = editor ? userNames(versions.stream().map(v -> v.publishedBy).toList()) : Map.of();
        return versions.stream().map(v -> summary(plan, v, editor, names)).toList();
    }

    public VersionView version(UUID id, int number) {
        Plan plan = requireVisible(id);
        PlanVersion version = requireVersion(plan, number);
        Content content = versionContent(plan, version);
        return new VersionView(summary(plan, version), view(content, version.publishedAt),
                PlanItemViews.items(content, fiscalYears, language));
    }

    /** What changed from version {@code from} to version {@code to}, or to the draft ("draft", editors only). */
    public DiffView diff(UUID id, Integer from, String to) {
        Plan plan = requireVisible(id);
        if (!plan.isPublic()) {
            throw Problems.conflict(Label.of("まだ公開されていないため、比べる版がありません",
                    "The plan has no published version to compare yet"));
        }
        Content newer;
        if (to == null || to.isBlank()) {
            newer = versionContent(plan, requireVersion(plan, plan.latestVersion));
        } else if ("draft".equalsIgnoreCase(to.strip())) {
            requireEditor(plan);
            newer = draftContent(plan);
        } else {
            int number;
            try {
                number = Integer.parseInt(to.strip());
            } catch (NumberFormatException e) {
                throw Problems.invalidField("to", Label.of("版の番号か draft を指定してください",
                        "A version number or \"draft\""));
            }
            newer = versionContent(plan, requireVersion(plan, number));
        }
        int older = from != null ? from
                : newer.version() == null ? plan.latestVersion : Math.max(1, newer.versionNumber() - 1);
        Content base = versionContent(plan, requireVersion(plan, older));
        return PlanDiff.between(plan.id, base, newer, fiscalYears);
    }

    // ---- views ----

    public PlanView view(Plan plan) {
        return views(List.of(plan)).get(0);
    }

    /** The views of a page of plans, reading names and published versions in a few queries. */
    public List<PlanView> views(List<Plan> plans) {
        Map<UUID, PlanVersion> latest = new HashMap<>();
        List<UUID> published = plans.stream().filter(Plan::isPublic).map(p -> p.id).toList();
        if (!published.isEmpty()) {
            PlanVersion.<PlanVersion>list("select v from PlanVersion v, Plan p where p.id = v.id.planId"
                            + " and v.id.number = p.latestVersion and p.id in ?1", published)
                    .forEach(v -> latest.put(v.id.planId(), v));
        }
        List<Content> contents = new ArrayList<>();
        for (Plan plan : plans) {
            PlanVersion version = latest.get(plan.id);
            contents.add(canEdit(plan) || version == null
                    ? new Content(plan, null, plan.title, plan.vision, plan.description, plan.areaId,
                    plan.startFiscalYear, plan.endFiscalYear, null)
                    : versionContent(plan, version));
        }
        Set<UUID> orgIds = plans.stream().map(p -> p.organizationId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<UUID> areaIds = contents.stream().map(Content::areaId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, String> orgNames = orgIds.isEmpty() ? Map.of() : Organization.<Organization>list("id in ?1", orgIds)
                .stream().collect(Collectors.toMap(o -> o.id, o -> o.name));
        Map<UUID, String> areaNames = areaIds.isEmpty() ? Map.of() : Area.<Area>list("id in ?1", areaIds)
                .stream().collect(Collectors.toMap(a -> a.id, a -> a.name));
        Map<String, String> municipalityNames = new HashMap<>();
        List<PlanView> views = new ArrayList<>();
        for (Content content : contents) {
            Plan plan = content.plan();
            PlanVersion version = latest.get(plan.id);
            String ownerName = plan.organizationId == null
                    ? municipalityNames.computeIfAbsent(plan.municipalityCode, c -> municipalities.require(c).name)
                    : orgNames.get(plan.organizationId);
            views.add(view(content, version == null ? null : version.publishedAt, ownerName,
                    content.areaId() == null ? null : areaNames.get(content.areaId())));
        }
        return views;
    }

    PlanView view(Content c, OffsetDateTime publishedAt) {
        Plan plan = c.plan();
        String ownerName = plan.organizationId == null
                ? municipalities.require(plan.municipalityCode).name
                : organizationName(plan.organizationId);
        return view(c, publishedAt, ownerName, c.areaId() == null ? null : areaName(c.areaId()));
    }

    private PlanView view(Content c, OffsetDateTime publishedAt, String ownerName, String areaName) {
        Plan plan = c.plan();
        boolean editor = canEdit(plan);
        return new PlanView(plan.id, plan.municipalityCode, plan.ownerType(), language.label(plan.ownerType()),
                plan.organizationId, ownerName, c.areaId(), areaName, c.title(), c.vision(), c.description(),
                c.startFiscalYear(), fiscalYears.label(c.startFiscalYear()), c.endFiscalYear(),
                fiscalYears.label(c.endFiscalYear()), fiscalYears.range(c.startFiscalYear(), c.endFiscalYear()),
                plan.status, language.label(plan.status), plan.latestVersion, publishedAt, c.version() == null,
                editor && plan.unpublishedChanges, editor, plan.version, plan.createdAt, plan.updatedAt);
    }

    VersionSummary summary(Plan plan, PlanVersion v) {
        boolean editor = canEdit(plan);
        return summary(plan, v, editor, editor ? userNames(List.of(v.publishedBy)) : Map.of());
    }

    private VersionSummary summary(Plan plan, PlanVersion v, boolean editor, Map<UUID, String> names) {
        return new VersionSummary(plan.id, v.id.number(), v.publishedAt, editor ? v.publishedBy : null,
                editor ? names.get(v.publishedBy) : null, v.note);
    }

    Map<UUID, String> userNames(Collection<UUID> ids) {
        Set<UUID> distinct = new HashSet<>(ids);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return people.find(distinct).values().stream()
                .collect(Collectors.toMap(Person::id, u -> Objects.requireNonNullElse(u.displayName(), "")));
    }

    private String organizationName(UUID id) {
        Organization org = Organization.findById(id);
        return org == null ? null : org.name;
    }

    private String areaName(UUID id) {
        Area area = Area.findById(id);
        return area == null ? null : area.name;
    }

    Municipality municipality(String code) {
        return municipalities.require(code);
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

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
