package jp.kyoso.account;

import jp.kyoso.core.security.StaffRole;
import jp.kyoso.organization.MemberRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The personal data export: everything Kyoso holds about the signed-in person. */
public final class PrivacyDtos {

    private PrivacyDtos() {
    }

    @Schema(name = "MyDataUser", description = "The person's own user record")
    public record UserRecord(UUID id, @Schema(nullable = true) String name, @Schema(nullable = true) String email,
                             OffsetDateTime createdAt, OffsetDateTime lastSeenAt) {
    }

    @Schema(name = "MyDataStaffRole")
    public record StaffRecord(String municipalityCode, StaffRole role, OffsetDateTime since) {
    }

    @Schema(name = "MyDataMembership")
    public record MembershipRecord(UUID organizationId, MemberRole role, OffsetDateTime since) {
    }

    @Schema(name = "MyDataOrganization", description = "An organisation the person belongs to (its own data is not personal data)")
    public record OrganizationRecord(UUID id, String name, String municipalityCode) {
    }

    @Schema(name = "MyDataLiaison", description = "An area liaison assignment")
    public record LiaisonRecord(UUID id, UUID areaId, String role, LocalDate startsOn,
                                @Schema(nullable = true) LocalDate endsOn) {
    }

    @Schema(name = "MyDataInvitation", description = "An invitation the person created or accepted (the code is left out)")
    public record InvitationRecord(UUID id, UUID organizationId, MemberRole role, boolean createdByMe,
                                   boolean acceptedByMe, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                                   @Schema(nullable = true) OffsetDateTime acceptedAt, @Schema(nullable = true) OffsetDateTime revokedAt) {
    }

    @Schema(name = "MyDataNotification")
    public record NotificationRecord(UUID id, String kind, @Schema(nullable = true) String municipalityCode,
                                     String subject, @Schema(nullable = true) String detail,
                                     @Schema(nullable = true) String counterpart, OffsetDateTime createdAt,
                                     @Schema(nullable = true) OffsetDateTime readAt) {
    }

    @Schema(name = "MyDataAuditEntry", description = "A change the person made, as the audit log records it")
    public record AuditRecord(UUID id, @Schema(nullable = true) String municipalityCode, String action,
                              String entityType, String entityId,
                              OffsetDateTime occurredAt) {
    }

    @Schema(name = "MyDataMessageReply", description = "A reply in a conversation the person takes part in")
    public record MessageReplyRecord(UUID id, UUID messageId, boolean fromOrganization, boolean writtenByMe,
                                     String body, OffsetDateTime createdAt) {
    }

    @Schema(name = "MyDataMessage", description = "A message the person sent to an organisation, with its conversation")
    public record MessageRecord(UUID id, UUID organizationId, String organizationName, String subject, String body,
                                OffsetDateTime createdAt, List<MessageReplyRecord> replies) {
    }

    @Schema(name = "MyData", description = "Everything Kyoso holds about the signed-in person (個人情報の開示)")
    public record MyData(OffsetDateTime exportedAt, UserRecord user, List<StaffRecord> staff,
                         List<MembershipRecord> memberships, List<OrganizationRecord> organizations,
                         List<LiaisonRecord> liaisons, List<InvitationRecord> invitations,
                         List<NotificationRecord> notifications, List<AuditRecord> auditEntries,
                         @Schema(description = "Messages the person sent to organisations") List<MessageRecord> messages,
                         @Schema(description = "Replies the person wrote for an organisation they belong to")
                         List<MessageReplyRecord> messageReplies,
                         @Schema(description = "Event registrations") List<jp.kyoso.event.EventPrivacy.RegistrationRecord> eventRegistrations,
                         @Schema(description = "Saved searches") List<jp.kyoso.savedsearch.SavedSearchPrivacy.SavedSearchRecord> savedSearches,
                         @Schema(description = "Mail settings: the address, language, digest hour and each kind's frequency")
                         jp.kyoso.notification.NotificationSettingsDtos.NotificationSettingsView mailSettings) {
    }
}
