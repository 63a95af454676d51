package jp.kyoso.project;

import jp.kyoso.core.persistence.VersionedEntity;
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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An organisation in a project: its role, what it brings (text and listings) and whether it has joined. */
@Entity
@Table(name = "project_partner")
public class ProjectPartner extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    public PartnerRole role;

    public String contribution;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "listing_ids")
    public UUID[] listingIds;

    @Enumerated(EnumType.STRING)
    public PartnerStatus status;

    @Column(name = "invited_by")
    public UUID invitedBy;

    @Column(name = "invited_by_organization_id")
    public UUID invitedByOrganizationId;

    @Column(name = "invited_at")
    public OffsetDateTime invitedAt;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    /** A partner a project starts with: active at once, no invitation to answer. */
    static ProjectPartner founding(UUID projectId, UUID organizationId, PartnerRole role, String contribution,
                                   UUID[] listingIds, UUID by) {
        return create(projectId, organizationId, role, contribution, listingIds, PartnerStatus.ACTIVE, by, null);
    }

    /** An invited organisation, whose members accept or decline. */
    static ProjectPartner invited(UUID projectId, UUID organizationId, PartnerRole role, String contribution,
                                  UUID[] listingIds, UUID by, UUID byOrganization) {
        return create(projectId, organizationId, role, contribution, listingIds, PartnerStatus.INVITED, by,
                byOrganization);
    }

    private static ProjectPartner create(UUID projectId, UUID organizationId, PartnerRole role, String contribution,
                                         UUID[] listingIds, PartnerStatus status, UUID by, UUID byOrganization) {
        ProjectPartner p = new ProjectPartner();
        p.id = UUID.randomUUID();
        p.projectId = projectId;
        p.organizationId = organizationId;
        p.role = role;
        p.contribution = contribution;
        p.listingIds = listingIds;
        p.status = status;
        p.invitedBy = by;
        p.invitedByOrganizationId = byOrganization;
        p.invitedAt = OffsetDateTime.now();
        p.respondedAt = status == PartnerStatus.ACTIVE ? p.invitedAt : null;
        p.createdAt = p.invitedAt;
        p.updatedAt = p.invitedAt;
        return p;
    }

    public static List<ProjectPartner> of(UUID projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }

    public void accept() {
        answer(PartnerStatus.ACTIVE);
    }

    public void decline() {
        answer(PartnerStatus.DECLINED);
    }

    /** A declined organisation may be invited again. */
    public void invitedAgain(UUID by, UUID byOrganization) {
        if (status != PartnerStatus.DECLINED) {
            throw Problems.conflict(status == PartnerStatus.ACTIVE
                    ? Label.of("この団体は既に参加しています", "This organisation is already a partner")
                    : Label.of("この団体は既に招待されています", "This organisation is already invited"));
        }
        status = PartnerStatus.INVITED;
        invitedBy = by;
        invitedByOrganizationId = byOrganization;
        invitedAt = OffsetDateTime.now();
        respondedAt = null;
        updatedAt = invitedAt;
    }

    private void answer(PartnerStatus to) {
        if (status != PartnerStatus.INVITED) {
            throw Problems.conflict(Label.of("招待中の団体だけが参加・辞退を決められます（現在: " + status.label().ja() + "）",
                    "Only an invited organisation can accept or decline (it is " + status.name() + ")"));
        }
        status = to;
        respondedAt = OffsetDateTime.now();
        updatedAt = respondedAt;
    }
}
