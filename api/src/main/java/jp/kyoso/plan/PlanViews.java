package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.area.Area;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.Organization;
import jp.kyoso.plan.PlanDtos.PlanView;
import jp.kyoso.plan.PlanDtos.VersionSummary;

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
 * Plans and their versions as the caller sees them: editors the draft, its unpublished changes and
 * who published each version; everyone else the latest published text and no names.
 */
@ApplicationScoped
public class PlanViews {

    @Inject Plans plans;
    @Inject PlanContents contents;
    @Inject People people;
    @Inject Municipalities municipalities;
    @Inject FiscalYears fiscalYears;
    @Inject RequestLanguage language;

    public PlanView view(Plan plan) {
        return views(List.of(plan)).get(0);
    }

    /** The views of a page of plans, reading names and published versions in a few queries. */
    public List<PlanView> views(List<Plan> page) {
        PlanAccess access = plans.access();
        Map<UUID, PlanVersion> latest = new HashMap<>();
        List<UUID> published = page.stream().filter(Plan::isPublic).map(p -> p.id).toList();
        if (!published.isEmpty()) {
            PlanVersion.<PlanVersion>list("select v from PlanVersion v, Plan p where p.id = v.id.planId"
                            + " and v.id.number = p.latestVersion and p.id in ?1", published)
                    .forEach(v -> latest.put(v.id.planId(), v));
        }
        List<PlanContent> shown = new ArrayList<>();
        for (Plan plan : page) {
            PlanVersion version = latest.get(plan.id);
            shown.add(access.canEdit(plan) || version == null ? PlanContent.draft(plan, null)
                    : contents.version(plan, version));
        }
        Set<UUID> orgIds = page.stream().map(p -> p.organizationId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<UUID> areaIds = shown.stream().map(PlanContent::areaId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, String> orgNames = ByIds.load(Organization.class, orgIds).values().stream()
                .collect(Collectors.toMap(o -> o.id, o -> o.name));
        Map<UUID, String> areaNames = ByIds.load(Area.class, areaIds).values().stream()
                .collect(Collectors.toMap(a -> a.id, a -> a.name));
        Map<String, String> municipalityNames = new HashMap<>();
        List<PlanView> views = new ArrayList<>();
        for (PlanContent content : shown) {
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

    /** One version's content as the plan's view, with the owner's and the area's names as they are now. */
    PlanView view(PlanContent c, OffsetDateTime publishedAt) {
        Plan plan = c.plan();
        String ownerName = plan.organizationId == null
                ? municipalities.require(plan.municipalityCode).name
                : organizationName(plan.organizationId);
        return view(c, publishedAt, ownerName, c.areaId() == null ? null : areaName(c.areaId()));
    }

    private PlanView view(PlanContent c, OffsetDateTime publishedAt, String ownerName, String areaName) {
        Plan plan = c.plan();
        boolean editor = plans.canEdit(plan);
        return new PlanView(plan.id, plan.municipalityCode, plan.ownerType(), language.label(plan.ownerType()),
                plan.organizationId, ownerName, c.areaId(), areaName, c.title(), c.vision(), c.description(),
                c.startFiscalYear(), fiscalYears.label(c.startFiscalYear()), c.endFiscalYear(),
                fiscalYears.label(c.endFiscalYear()), fiscalYears.range(c.startFiscalYear(), c.endFiscalYear()),
                plan.status, language.label(plan.status), plan.latestVersion, publishedAt, c.version() == null,
                editor && plan.unpublishedChanges, editor, plan.version, plan.createdAt, plan.updatedAt);
    }

    VersionSummary summary(Plan plan, PlanVersion v) {
        boolean editor = plans.canEdit(plan);
        return summary(plan, v, editor, editor ? userNames(List.of(v.publishedBy)) : Map.of());
    }

    /** The versions of a plan, newest first; publishers' names for editors only. */
    List<VersionSummary> summaries(Plan plan, List<PlanVersion> versions) {
        boolean editor = plans.canEdit(plan);
        Map<UUID, String> names = editor ? userNames(versions.stream().map(v -> v.publishedBy).toList()) : Map.of();
        return versions.stream().map(v -> summary(plan, v, editor, names)).toList();
    }

    private static VersionSummary summary(Plan plan, PlanVersion v, boolean editor, Map<UUID, String> names) {
        return new VersionSummary(plan.id, v.id.number(), v.publishedAt, editor ? v.publishedBy : null,
                editor ? names.get(v.publishedBy) : null, v.note);
    }

    /** Display names of people by id, in one lookup. */
    Map<UUID, String> userNames(Collection<UUID> ids) {
        Set<UUID> distinct = new HashSet<>(ids);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return people.find(distinct).values().stream()
                .collect(Collectors.toMap(Person::id, u -> Objects.requireNonNullElse(u.displayName(), "")));
    }

    private static String organizationName(UUID id) {
        Organization org = Organization.findById(id);
        return org == null ? null : org.name;
    }

    private static String areaName(UUID id) {
        Area area = Area.findById(id);
        return area == null ? null : area.name;
    }
}
