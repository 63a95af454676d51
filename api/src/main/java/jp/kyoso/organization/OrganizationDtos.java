package jp.kyoso.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.kyoso.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class OrganizationDtos {

    private OrganizationDtos() {
    }

    @Schema(name = "Contact", description = "Contact details. For an organisation: members, staff of the municipality "
            + "and admins see every field, everyone else only the published ones")
    public record Contact(@Size(max = 100) @Schema(nullable = true) String name,
                          @Email @Size(max = 254) @Schema(nullable = true) String email,
                          @Size(max = 30) @Pattern(regexp = "[0-9+() -]*") @Schema(nullable = true) String phone) {
    }

    @Schema(name = "ContactPublication", description = "Which contact fields everyone may see (explicit opt-in, "
            + "each false unless set). Unpublished fields are reached through a message relayed by the platform")
    public record ContactPublication(
            @Schema(description = "Publish the contact person's name") boolean name,
            @Schema(description = "Publish the e-mail address") boolean email,
            @Schema(description = "Publish the phone number") boolean phone) {

        public static final ContactPublication NONE = new ContactPublication(false, false, false);
    }

    @Schema(name = "Organization")
    public record OrganizationView(
            UUID id,
            String municipalityCode,
            OrganizationType type,
            String typeLabel,
            Bond bond,
            String bondLabel,
            String name,
            @Schema(nullable = true) String nameKana,
            @Schema(nullable = true) String description,
            List<Theme> themes,
            @Schema(description = "Areas where it is active; empty means city-wide") List<UUID> areaIds,
            @Schema(nullable = true) String website,
            OrganizationStatus status,
            String statusLabel,
            @Schema(nullable = true, description = "Members, staff of the municipality and admins: every field; "
                    + "everyone else: the published fields only; null when there is nothing to show") Contact contact,
            @Schema(description = "Which contact fields are published") ContactPublication contactPublished,
            @Schema(nullable = true, description = "The caller's role in this organisation, if any") MemberRole myRole,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "OrganizationWrite", description = "An organisation's profile as created or replaced")
    public record OrganizationWrite(
            @NotNull OrganizationType type,
            @NotNull Bond bond,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 400) String nameKana,
            @Size(max = 4000) String description,
            @Size(max = 20) List<@NotNull Theme> themes,
            @Size(max = 100) List<@NotNull UUID> areaIds,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{kyoso.url}") String website,
            @Valid Contact contact,
            @Schema(nullable = true, description = "Which contact fields to publish; left out, none is published")
            ContactPublication contactPublished) {
    }

    @Schema(name = "Member", description = "A member of an organisation")
    public record MemberView(UUID userId, @Schema(nullable = true) String name,
                             @Schema(nullable = true) String email, MemberRole role, String roleLabel,
                             OffsetDateTime since,
                             @Schema(description = "Send it as If-Match (\"<version>\") to change the role or remove the member")
                             long version) {
    }

    @Schema(name = "MemberRoleChange")
    public record MemberRoleChange(@NotNull MemberRole role) {
    }

    @Schema(name = "InvitationCreate")
    public record InvitationCreate(@NotNull MemberRole role) {
    }

    @Schema(name = "Invitation", description = "A single-use invitation code, valid for 14 days")
    public record InvitationView(UUID id, UUID organizationId, String organizationName, String code, MemberRole role,
                                 OffsetDateTime createdAt, OffsetDateTime expiresAt,
                                 @Schema(nullable = true) OffsetDateTime acceptedAt,
                                 @Schema(nullable = true) OffsetDateTime revokedAt) {
    }
}
