package jp.kyoso.project;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.core.web.Params;
import jp.kyoso.project.ProjectDtos.PartnerInvite;
import jp.kyoso.project.ProjectDtos.PartnerView;
import jp.kyoso.project.ProjectDtos.PartnerWrite;
import jp.kyoso.project.ProjectDtos.ProjectCreate;
import jp.kyoso.project.ProjectDtos.ProjectView;
import jp.kyoso.project.ProjectDtos.ProjectWrite;
import jp.kyoso.project.ProjectDtos.StageChangeWrite;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "協創の場 (co-creation projects)")
public class ProjectResource {

    @Inject Projects projects;
    @Inject ProjectService service;
    @Inject ProjectSearch search;
    @Inject ProjectStages stages;
    @Inject ProjectPartners partners;
    @Inject ProjectViews views;

    @GET
    @Path("/municipalities/{code}/projects")
    @Operation(operationId = "searchProjects", summary = "Search a municipality's co-creation projects",
            description = "The public sees published projects; partners also see their own unpublished ones and "
                    + "staff see all. `q` is Japanese text search over title, summary, vision and issue. Most "
                    + "recently changed first.")
    public Page<ProjectView> search(
            @PathParam("code") String code,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text to find") String q,
            @QueryParam("stage") @Parameter(schema = @Schema(implementation = ProjectStage.class)) String stage,
            @QueryParam("domain") @Parameter(schema = @Schema(implementation = CoCreationDomain.class)) String domain,
            @QueryParam("area") @Parameter(description = "Area id; matches its sub-areas too",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String area,
            @Valid @BeanParam PageParams paging) {
        return search.search(code, new ProjectSearch.Criteria(q, Params.enumValue("stage", ProjectStage.class, stage),
                Params.enumValue("domain", CoCreationDomain.class, domain), Params.uuid("area", area)), paging);
    }

    @POST
    @Path("/municipalities/{code}/projects")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startProject", summary = "Start a co-creation project: from scratch with a lead organisation, or from an accepted match")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response create(@PathParam("code") String code, @NotNull @Valid ProjectCreate create) {
        Project project = service.create(code, create);
        return Etags.created(URI.create("/api/v1/projects/" + project.id), views.view(project), project.version);
    }

    @GET
    @Path("/projects/{id}")
    @Operation(operationId = "getProject", summary = "Get a project with its partners and stage history (published ones are public)")
    @APIResponse(responseCode = "200", description = "The project",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response get(@PathParam("id") UUID id) {
        Project project = projects.requireVisible(id);
        return Etags.ok(views.view(project), project.version);
    }

    @PUT
    @Path("/projects/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateProject", summary = "Replace a project's description (partners and staff; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ProjectWrite write) {
        Project project = service.update(id, ifMatch, write);
        return Etags.ok(views.view(project), project.version);
    }

    @DELETE
    @Path("/projects/{id}")
    @Authenticated
    @Operation(operationId = "deleteProject", summary = "Delete a project (members of the lead organisation and staff); its history is kept")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/projects/{id}/stage-changes")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeProjectStage", summary = "Move a project to another stage with a note (forward one stage, or back to any earlier one)")
    @APIResponse(responseCode = "200", description = "The project at its new stage, with the change in its history",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response changeStage(@PathParam("id") UUID id, @NotNull @Valid StageChangeWrite change) {
        Project project = stages.change(id, change);
        return Etags.ok(views.view(project), project.version);
    }

    @POST
    @Path("/projects/{id}/partners")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "invitePartner", summary = "Invite an organisation to a project (partners and staff); its members are notified")
    @APIResponse(responseCode = "201", description = "Invited (status INVITED)",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public Response invite(@PathParam("id") UUID id, @NotNull @Valid PartnerInvite invite) {
        ProjectPartner partner = partners.invite(id, invite);
        return Etags.created(URI.create("/api/v1/projects/" + id + "/partners/" + partner.id), view(partner),
                partner.version);
    }

    @PUT
    @Path("/projects/{id}/partners/{partnerId}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePartner", summary = "Replace a partner's role and contribution (that organisation, the lead, or staff; If-Match)",
            description = "A partner organisation may change its own contribution and listings; changing a "
                    + "partner's role (making an organisation the lead, say) is for the lead's members and staff.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public Response updatePartner(@PathParam("id") UUID id, @PathParam("partnerId") UUID partnerId,
                                  @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PartnerWrite write) {
        ProjectPartner partner = partners.update(id, partnerId, ifMatch, write);
        return Etags.ok(view(partner), partner.version);
    }

    @POST
    @Path("/projects/{id}/partners/{partnerId}/acceptance")
    @Authenticated
    @Operation(operationId = "acceptPartnership", summary = "Accept an invitation to a project (members of the invited organisation)")
    @APIResponse(responseCode = "200", description = "Now ACTIVE",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public Response accept(@PathParam("id") UUID id, @PathParam("partnerId") UUID partnerId) {
        ProjectPartner partner = partners.respond(id, partnerId, true);
        return Etags.ok(view(partner), partner.version);
    }

    @POST
    @Path("/projects/{id}/partners/{partnerId}/declination")
    @Authenticated
    @Operation(operationId = "declinePartnership", summary = "Decline an invitation to a project (members of the invited organisation)")
    @APIResponse(responseCode = "200", description = "Now DECLINED",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    public Response decline(@PathParam("id") UUID id, @PathParam("partnerId") UUID partnerId) {
        ProjectPartner partner = partners.respond(id, partnerId, false);
        return Etags.ok(view(partner), partner.version);
    }

    private PartnerView view(ProjectPartner partner) {
        return views.partner(partner);
    }
}
