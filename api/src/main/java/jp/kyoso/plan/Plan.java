package jp.kyoso.plan;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 地域づくり計画 / 推進プラン: a plan of a community council or of the municipality, over a span of
 * fiscal years. Its editors work on one working copy (the draft); publishing freezes the draft
 * as the next immutable {@link PlanVersion}, which is what the public reads. A published plan
 * stays PUBLISHED while its editors prepare the next draft ({@link #unpublishedChanges}).
 */
@Entity
@Table(name = "plan")
public class Plan extends VersionedEntity {

    /** Longest span of a plan, in fiscal years. */
    public static final int MAX_YEARS = 30;

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

    /** The owning community council; null for the municipality's own plan. */
    @Column(name = "organization_id")
    public UUID organizationId;

    /** The area it covers; null for the whole city. */
    @Column(name = "area_id")
    public UUID areaId;

    public String title;

    public String vision;

    public String description;

    @Column(name = "start_fiscal_year")
    public int startFiscalYear;

    @Column(name = "end_fiscal_year")
    public int endFiscalYear;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;

    /** The number of the newest published version; null until first published. */
    @Column(name = "latest_version")
    public Integer latestVersion;

    /** The working copy differs from the latest published version (or was never published). */
    @Column(name = "unpublished_changes")
    public boolean unpublishedChanges;

    @Column(name = "created_by")
    public UUID createdBy;

    public PlanOwnerType ownerType() {
        return organizationId == null ? PlanOwnerType.MUNICIPALITY : PlanOwnerType.ORGANIZATION;
    }

    /** Published at least once: readable by everyone. */
    public boolean isPublic() {
        return latestVersion != null;
    }

    public boolean covers(int fiscalYear) {
        return fiscalYear >= startFiscalYear && fiscalYear <= endFiscalYear;
    }

    /** The plan's fiscal year nearest to today's: the one a progress table shows by default. */
    public int currentFiscalYear() {
        return Math.max(startFiscalYear, Math.min(endFiscalYear, FiscalYear.current()));
    }

    /** Refuses changes to a closed plan. */
    public void requireEditable() {
        if (status == PlanStatus.ARCHIVED) {
            throw Problems.conflict(Label.of("終了した計画は変更できません", "An archived plan cannot be changed"));
        }
    }

    /** Records a change of the working copy: the next draft now differs from what is published. */
    @Override
    public void touch() {
        requireEditable();
        unpublishedChanges = true;
        super.touch();
    }

    /** Makes the working copy version {@code number}; refused when nothing changed since the last one. */
    public void publish(int number) {
        requireEditable();
        if (latestVersion != null && !unpublishedChanges) {
            throw Problems.conflict(Label.of("第" + latestVersion + "版から変更がないため公開できません",
                    "Nothing changed since version " + latestVersion));
        }
        status = PlanStatus.PUBLISHED;
        latestVersion = number;
        unpublishedChanges = false;
        updatedAt = OffsetDateTime.now();
    }

    public void archive() {
        if (status != PlanStatus.PUBLISHED) {
            throw Problems.conflict(Label.of("公開中の計画だけを終了できます", "Only a published plan can be archived"));
        }
        status = PlanStatus.ARCHIVED;
        updatedAt = OffsetDateTime.now();
    }

    /** Only a plan that was never published may be deleted; published ones are history. */
    public void requireDeletable() {
        if (latestVersion != null) {
            throw Problems.conflict(Label.of("公開したことのある計画は削除できません。終了にしてください",
                    "A plan that was published cannot be deleted; archive it instead"));
        }
    }
}
