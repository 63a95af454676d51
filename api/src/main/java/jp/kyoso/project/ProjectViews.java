package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.organization.Organization;
import jp.kyoso.project.ProjectDtos.PartnerView;
import jp.kyoso.project.ProjectDtos.ProjectView;
import jp.kyoso.project.ProjectDtos.StageChangeView;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Projects as the API shows them, in the caller's language. Outsiders see only the active
 * partners; the partners themselves and staff also see who is invited or declined.
 */
@ApplicationScoped
public class ProjectViews {

    @Inject Projects projects;
    @Inject RequestLanguage language;

    public ProjectView view(Project project) {
        return views(List.of(project)).get(0);
    }

    /** The views of a page of projects, in its order: partners, their organisations and stage changes in one query each. */
    public List<ProjectView> views(List<Project> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(p -> p.id).toList();
        Map<UUID, List<ProjectPartner>> partnersOf = ProjectPartner.<ProjectPartner>list(
                        "projectId in ?1 order by createdAt, id", ids).stream()
                .collect(Collectors.groupingBy(p -> p.projectId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, List<ProjectStageChange>> changesOf = ProjectStageChange.<ProjectStageChange>list(
                        "projectId in ?1 order by changedAt, id", ids).stream()
                .collect(Collectors.groupingBy(c -> c.projectId, LinkedHashMap::new, Collectors.toList()));
        Set<UUID> organizations = partnersOf.values().stream().flatMap(List::stream).map(p -> p.organizationId)
                .collect(Collectors.toSet());
        Map<UUID, Organization> orgs = ByIds.load(Organization.class, organizations);
        return page.stream().map(project -> view(project, partnersOf.getOrDefault(project.id, List.of()),
                changesOf.getOrDefault(project.id, List.of()), orgs)).toList();
    }

    private ProjectView view(Project project, List<ProjectPartner> all, List<ProjectStageChange> changes,
                             Map<UUID, Organization> orgs) {
        ProjectAccess access = projects.accessTo(project, all);
        List<ProjectPartner> partners = all.stream().filter(access::shows).toList();
        List<CollaborationForm> forms = Arrays.stream(project.forms).map(CollaborationForm::valueOf).toList();
        return new ProjectView(project.id, project.municipalityCode, project.title, project.summary, project.vision,
                project.issue, project.domain, language.label(project.domain), forms,
                forms.stream().map(language::label).toList(), project.stage, language.label(project.stage),
                List.of(project.areaIds), project.startsOn, project.endsOn, project.published, project.sourceMatchId,
                partners.stream().map(p -> partner(p, orgs.get(p.organizationId))).toList(),
                changes.stream().map(this::stageChange).toList(),
                project.version, project.createdAt, project.updatedAt);
    }

    /** A partner with its organisation's name. */
    public PartnerView partner(ProjectPartner p) {
        return partner(p, Organization.findById(p.organizationId));
    }

    PartnerView partner(ProjectPartner p, Organization org) {
        return new PartnerView(p.id, p.organizationId, org == null ? null : org.name, p.role, language.label(p.role),
                p.contribution, List.of(p.listingIds), p.status, language.label(p.status), p.invitedAt,
                p.respondedAt, p.version);
    }

    private StageChangeView stageChange(ProjectStageChange c) {
        return new StageChangeView(c.fromStage, language.label(c.fromStage), c.toStage, language.label(c.toStage),
                c.note, c.changedAt);
    }
}
