package jp.kyoso.organization;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.paging.Page;
import jp.kyoso.organization.OrganizationDtos.InvitationCreate;
import jp.kyoso.organization.OrganizationDtos.InvitationView;
import jp.kyoso.organization.OrganizationDtos.MemberRoleChange;
import jp.kyoso.organization.OrganizationDtos.MemberView;
import jp.kyoso.core.web.Etags;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Memberships", description = "団体のメンバーと招待")
public class MembershipResource {

    @Inject MembershipService memberships;

    @GET
    @Path("/organizations/{id}/members")
    @Operation(operationId = "listMembers", summary = "List an organisation's members (members and staff)")
    public Page<MemberView> members(@PathParam("id") UUID id) {
        return Page.all(memberships.members(id));
    }

    @PUT
    @Path("/organizations/{id}/members/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMemberRole", summary = "Change a member's role (owners; If-Match: the member's version as an ETag)")
    @APIResponse(responseCode = "200", description = "The member with the new role",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    public Response changeRole(@PathParam("id") UUID id, @PathParam("userId") UUID userId,
                               @HeaderParam("If-Match") String ifMatch, @NotNull @Valid MemberRoleChange change) {
        MemberView member = memberships.changeRole(id, userId, ifMatch, change.role());
        return Etags.ok(member, member.version());
    }

    @DELETE
    @Path("/organizations/{id}/members/{userId}")
    @Operation(operationId = "removeMember", summary = "Remove a member (owners), or leave (the member themselves); If-Match: the member's version")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("id") UUID id, @PathParam("userId") UUID userId,
                       @HeaderParam("If-Match") String ifMatch) {
        memberships.remove(id, userId, ifMatch);
    }

    @POST
    @Path("/organizations/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createInvitation", summary = "Create a single-use invitation code (owners)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    public Response invite(@PathParam("id") UUID id, @NotNull @Valid InvitationCreate request) {
        InvitationView view = memberships.invite(id, request.role());
        return Response.created(URI.create("/api/v1/organizations/" + id + "/invitations/" + view.id()))
                .entity(view).build();
    }

    @GET
    @Path("/organizations/{id}/invitations")
    @Operation(operationId = "listInvitations", summary = "List an organisation's invitations (owners)")
    public Page<InvitationView> invitations(@PathParam("id") UUID id) {
        return Page.all(memberships.invitations(id));
    }

    @DELETE
    @Path("/organizations/{id}/invitations/{invitationId}")
    @Operation(operationId = "revokeInvitation", summary = "Revoke an unused invitation (owners)")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("id") UUID id, @PathParam("invitationId") UUID invitationId) {
        memberships.revoke(id, invitationId);
    }

    @POST
    @Path("/invitations/{code}/acceptance")
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation code and join the organisation")
    @APIResponse(responseCode = "200", description = "Joined",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    public MemberView accept(@PathParam("code") String code) {
        return memberships.accept(code);
    }
}
