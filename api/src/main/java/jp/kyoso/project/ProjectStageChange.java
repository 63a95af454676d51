package jp.kyoso.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One step of a project's stage history, with the note that explains it. */
@Entity
@Table(name = "project_stage_change")
public class ProjectStageChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public ProjectStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage")
    public ProjectStage toStage;

    public String note;

    @Column(name = "changed_by")
    public UUID changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    public static ProjectStageChange of(UUID projectId, ProjectStage from, ProjectStage to, String note, UUID by) {
        ProjectStageChange c = new ProjectStageChange();
        c.id = UUID.randomUUID();
        c.projectId = projectId;
        c.fromStage = from;
        c.toStage = to;
        c.note = note;
        c.changedBy = by;
        c.changedAt = OffsetDateTime.now();
        return c;
    }

    public static List<ProjectStageChange> of(UUID projectId) {
        return list("projectId = ?1 order by changedAt, id", projectId);
    }
}
