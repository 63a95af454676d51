package jp.kyoso.project;

import jp.kyoso.core.persistence.SearchableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 協創の場: a project of partner organisations, moving through the stages of Plan-Do-See. */
@Entity
@Table(name = "project")
public class Project extends SearchableEntity {

    @Id
    public UUID id;

    public String title;

    public String summary;

    public String vision;

    public String issue;

    @Enumerated(EnumType.STRING)
    public CoCreationDomain domain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] forms;

    @Enumerated(EnumType.STRING)
    public ProjectStage stage;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public boolean published;

    @Column(name = "source_match_id")
    public UUID sourceMatchId;

    public void reindex() {
        index(title, summary, vision, issue);
    }

    /**
     * Moves to another stage: forward one stage at a time (each stage is worked through), back to
     * any earlier one (to revisit it, or to start the next Plan-Do-See cycle after the review).
     */
    public ProjectStage moveTo(ProjectStage target) {
        ProjectStage from = stage;
        if (target == from) {
            throw Problems.conflict(Label.of("既に「" + from.label().ja() + "」の段階です",
                    "The project is already at the " + from.name() + " stage"));
        }
        if (target.ordinal() > from.ordinal() + 1) {
            ProjectStage next = ProjectStage.values()[from.ordinal() + 1];
            throw Problems.conflict(Label.of("段階は一つずつ進めます。次は「" + next.label().ja() + "」です",
                    "A project moves forward one stage at a time; the next is " + next.name()));
        }
        stage = target;
        updatedAt = OffsetDateTime.now();
        return from;
    }
}
