package jp.kyoso.account;

import jp.kyoso.core.security.StaffRole;
import jp.kyoso.organization.MemberRole;
import jp.kyoso.organization.OrganizationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

public final class MeDtos {

    private MeDtos() {
    }

    @Schema(name = "StaffRoleOfMine")
    public record StaffOfMine(String municipalityCode, String municipalityName, StaffRole role, String roleLabel) {
    }

    @Schema(name = "MembershipOfMine")
    public record MembershipOfMine(UUID organizationId, String organizationName, String municipalityCode,
                                   OrganizationStatus organizationStatus, MemberRole role, String roleLabel) {
    }

    @Schema(name = "Me", description = "The signed-in user with their staff and organisation memberships")
    public record MeView(UUID id, @Schema(nullable = true) String name, @Schema(nullable = true) String email,
                         boolean admin, List<StaffOfMine> staff,
                         List<MembershipOfMine> organizations) {
    }
}
