package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.organization.MyMemberships;
import jp.kyoso.project.ProjectAccess.Caller;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Finds projects as the caller may see them, and gathers the facts {@link ProjectAccess} decides on. */
@ApplicationScoped
public class Projects {

    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject MyMemberships memberships;

    /** The project if the caller may see it; 404 otherwise (an unpublished project is not revealed). */
    public Project requireVisible(UUID id) {
        Project project = id == null ? null : Project.findById(id);
        if (project == null || project.deletedAt != null || !accessTo(project).maySee()) {
            throw Problems.notFound(Label.of("協創の場が見つかりません", "No such project"));
        }
        return project;
    }

    /** A partner of that project; 404 for a partner of another. */
    ProjectPartner requirePartner(Project project, UUID partnerId) {
        ProjectPartner partner = partnerId == null ? null : ProjectPartner.findById(partnerId);
        if (partner == null || !partner.projectId.equals(project.id)) {
            throw Problems.notFound(Label.of("参加団体が見つかりません", "No such partner"));
        }
        return partner;
    }

    /** The caller's access to the project as its partners stand now. */
    ProjectAccess accessTo(Project project) {
        return accessTo(project, ProjectPartner.of(project.id));
    }

    ProjectAccess accessTo(Project project, List<ProjectPartner> partners) {
        return new ProjectAccess(caller(project.municipalityCode, partners.stream().map(p -> p.organizationId).toList()),
                project.published, partners);
    }

    /** The caller in a municipality, with the organisations among {@code organizationIds} they belong to. */
    Caller caller(String municipalityCode, Collection<UUID> organizationIds) {
        if (!currentUser.isAuthenticated()) {
            return Caller.anonymous();
        }
        Set<UUID> mine = organizationIds.stream().filter(Objects::nonNull)
                .filter(id -> memberships.roleIn(id).isPresent()).collect(Collectors.toSet());
        return new Caller(true, access.isStaff(municipalityCode), mine);
    }
}
