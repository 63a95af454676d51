package jp.kyoso.plan;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** ふりかえり: the "See" of Plan-Do-See — an evaluation of one fiscal year of a plan. */
@Entity
@Table(name = "plan_review")
public class PlanReview extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    public ReviewKind kind;

    /** Who evaluated, as the plan's owners name them (役員会, 第三者評価委員会, 〇〇地区協議会 …). */
    public String evaluator;

    public String summary;

    public String findings;

    @Column(name = "next_actions")
    public String nextActions;

    @Column(name = "author_id")
    public UUID authorId;
}
