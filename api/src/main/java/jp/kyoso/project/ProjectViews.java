package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.organization.Organization;
import jp.kyoso.project.ProjectDtos.PartnerView;
import jp.kyoso.project.ProjectDtos.ProjectView;
import jp.kyoso.project.ProjectDtos.StageChangeView;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
        List<ProjectPartner> all = ProjectPartner.of(project.id);
        ProjectAccess access = projects.accessTo(project, all);
        List<ProjectPartner> partners = all.stream().filter(access::shows).toList();
        Map<UUID, Organization> orgs = partners.isEmpty() ? Map.of() : Organization.<Organization>list("id in ?1",
                        partners.stream().map(p -> p.organizationId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<CollaborationForm> forms = Arrays.stream(project.forms).map(CollaborationForm::valueOf).toList();
        return new ProjectView(project.id, project.municipalityCode, project.title, project.summary, project.vision,
                project.issue, project.domain, language.label(project.domain), forms,
                forms.stream().map(language::label).toList(), project.stage, language.label(project.stage),
                List.of(project.areaIds), project.startsOn, project.endsOn, project.published, project.sourceMatchId,
                partners.stream().map(p -> partner(p, orgs.get(p.organizationId))).toList(),
                ProjectStageChange.of(project.id).stream().map(this::stageChange).toList(),
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
