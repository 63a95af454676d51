package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.core.security.Access;
import jp.kyoso.project.ProjectDtos.ProjectView;
import jp.kyoso.project.ProjectDtos.StageChangeWrite;

import java.util.Map;
import java.util.UUID;

/**
 * Moves a project through Plan-Do-See ({@link Project#moveTo} says which moves are allowed) and
 * keeps each move, with the note that explains it, as the project's stage history.
 */
@ApplicationScoped
public class ProjectStages {

    @Inject EntityManager em;
    @Inject Projects projects;
    @Inject ProjectViews views;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject DomainEvents domainEvents;

    /** No If-Match: a move is checked against the stage the project is at, and two moves to one stage conflict. */
    @Transactional
    public Project change(UUID id, StageChangeWrite change) {
        Project project = projects.requireVisible(id);
        projects.accessTo(project).requireEditor();
        ProjectView before = views.view(project);
        ProjectStage from = project.moveTo(change.stage());
        project.persistAndFlush();
        ProjectStageChange.of(project.id, from, project.stage, change.note().strip(), access.requireUser().id()).persist();
        em.flush();
        audit.record(project.municipalityCode, "project.stage", "project", project.id, before, views.view(project));
        domainEvents.emit("project.stage_changed", project.municipalityCode, project.published,
                ProjectPartner.of(project.id).stream().map(p -> p.organizationId).toList(),
                Map.of("id", project.id, "title", project.title, "fromStage", from.name(), "stage", project.stage.name()));
        return project;
    }
}
