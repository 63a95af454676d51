package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.Person;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.project.ProjectDtos.ProjectCreate;
import jp.kyoso.project.ProjectDtos.ProjectWrite;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Co-creation projects: members of an organisation (or staff) start one from scratch, or members
 * of either side start one from an accepted match ({@link ProjectPartners#founding}). Partners and
 * staff describe it; the lead and staff delete it (softly: its history is kept). Who may do what
 * is {@link ProjectAccess}; stages are {@link ProjectStages}, partners {@link ProjectPartners}.
 */
@ApplicationScoped
public class ProjectService {

    @Inject EntityManager em;
    @Inject Projects projects;
    @Inject ProjectPartners partners;
    @Inject ProjectViews views;
    @Inject Changes changes;
    @Inject Municipalities municipalities;
    @Inject AreaService areas;
    @Inject Access access;
    @Inject AuditLog audit;

    @Transactional
    public Project create(String code, ProjectCreate create) {
        Municipality municipality = municipalities.require(code);
        Person user = access.requireUser();
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.municipalityCode = municipality.code;
        project.stage = create.stage() == null ? ProjectStage.TRIGGER : create.stage();
        project.createdBy = user.id();
        project.created();
        ProjectPartners.Founding founding = partners.founding(code, project.id, create, user);
        project.sourceMatchId = founding.sourceMatchId();
        apply(project, new ProjectWrite(create.title(), create.summary(), create.vision(), create.issue(),
                create.domain(), create.forms(), create.areaIds() == null ? founding.defaultAreas() : create.areaIds(),
                create.startsOn(), create.endsOn(), create.published()));
        project.persist();
        // The partners and the first stage refer to the project row.
        em.flush();
        founding.partners().forEach(p -> p.persist());
        ProjectStageChange.of(project.id, null, project.stage,
                project.sourceMatchId == null ? "協創の場を登録しました" : "成立したマッチから協創の場を立ち上げました",
                user.id()).persist();
        em.flush();
        audit.record(code, "project.create", "project", project.id, null, views.view(project));
        return project;
    }

    @Transactional
    public Project update(UUID id, String ifMatch, ProjectWrite write) {
        Project project = projects.requireVisible(id);
        projects.accessTo(project).requireEditor();
        return changes.update(project, ifMatch, audited(project, "project.update"), views::view, p -> apply(p, write));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Project project = projects.requireVisible(id);
        projects.accessTo(project).requireDeleter();
        changes.delete(project, ifMatch, audited(project, "project.delete"), views::view, Project::markDeleted);
    }

    private static Changes.Audited audited(Project project, String action) {
        return new Changes.Audited(project.municipalityCode, action, "project", project.id);
    }

    private void apply(Project project, ProjectWrite write) {
        List<UUID> areaIds = write.areaIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(write.areaIds()));
        areas.requireAreasOf(project.municipalityCode, areaIds, "areaIds");
        LocalDate starts = write.startsOn();
        LocalDate ends = write.endsOn();
        if (starts != null && ends != null && ends.isBefore(starts)) {
            throw Problems.invalidField("endsOn", Label.of("終了日は開始日以降にしてください",
                    "The end date must not be before the start date"));
        }
        project.title = write.title().strip();
        project.summary = blankToNull(write.summary());
        project.vision = blankToNull(write.vision());
        project.issue = blankToNull(write.issue());
        project.domain = write.domain();
        project.forms = write.forms() == null ? new String[0]
                : write.forms().stream().distinct().map(Enum::name).toArray(String[]::new);
        project.areaIds = areaIds.toArray(UUID[]::new);
        project.startsOn = starts;
        project.endsOn = ends;
        project.published = Boolean.TRUE.equals(write.published());
        project.reindex();
    }
}
