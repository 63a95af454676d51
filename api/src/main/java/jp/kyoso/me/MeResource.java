package jp.kyoso.me;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.security.StaffMembership;
import jp.kyoso.core.security.StaffRole;
import jp.kyoso.core.security.UserAccount;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.organization.MemberRole;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.organization.OrganizationStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Me", description = "ログイン中の利用者")
public class MeResource {

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

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage language;

    @GET
    @Path("/me")
    @Operation(summary = "The signed-in user, their staff roles and organisation memberships")
    public MeView me() {
        UserAccount user = currentUser.require();
        List<StaffMembership> staff = StaffMembership.ofUser(user.id);
        Map<String, Municipality> municipalities = staff.isEmpty() ? Map.of() : Municipality.<Municipality>list(
                        "code in ?1", staff.stream().map(s -> s.id.municipalityCode()).toList()).stream()
                .collect(Collectors.toMap(m -> m.code, Function.identity()));
        List<OrganizationMembership> memberships = OrganizationMembership.list("id.userId", user.id);
        Map<UUID, Organization> orgs = memberships.isEmpty() ? Map.of() : Organization.<Organization>list(
                        "id in ?1 and deletedAt is null", memberships.stream().map(m -> m.id.organizationId()).toList())
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return new MeView(user.id, user.displayName, user.email, currentUser.isAdmin(),
                staff.stream().map(s -> new StaffOfMine(s.id.municipalityCode(),
                        municipalities.get(s.id.municipalityCode()).name, s.role, language.label(s.role))).toList(),
                memberships.stream().filter(m -> orgs.containsKey(m.id.organizationId())).map(m -> {
                    Organization o = orgs.get(m.id.organizationId());
                    return new MembershipOfMine(o.id, o.name, o.municipalityCode, o.status, m.role, language.label(m.role));
                }).toList());
    }
}
