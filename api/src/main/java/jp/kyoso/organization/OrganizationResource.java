package jp.kyoso.organization;

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
import jp.kyoso.organization.OrganizationDtos.OrganizationView;
import jp.kyoso.organization.OrganizationDtos.OrganizationWrite;
import jp.kyoso.organization.OrganizationService.StatusChange;
import jp.kyoso.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "主体・団体")
public class OrganizationResource {

    @Inject OrganizationService organizations;
    @Inject OrganizationSearch search;

    @GET
    @Path("/municipalities/{code}/organizations")
    @Operation(operationId = "searchOrganizations", summary = "Search a municipality's organisations",
            description = "Anonymous callers and non-staff see ACTIVE organisations only. `q` is Japanese text "
                    + "search without word spaces, tolerant of width and script (全角/半角, カタカナ/ひらがな).")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "401", description = "A status other than ACTIVE was asked for without signing in")
    @APIResponse(responseCode = "403", description = "A status other than ACTIVE is for staff of the municipality only")
    public Page<OrganizationView> search(
            @PathParam("code") String code,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text to find in name, kana and description") String q,
            @QueryParam("type") @Parameter(schema = @Schema(implementation = OrganizationType.class)) String type,
            @QueryParam("theme") @Parameter(schema = @Schema(implementation = Theme.class)) String theme,
            @QueryParam("area") @Parameter(description = "Area id; matches its sub-areas too",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uuid")) String area,
            @QueryParam("status") @Parameter(description = "Staff only for statuses other than ACTIVE",
                    schema = @Schema(implementation = OrganizationStatus.class)) String status,
            @Valid @BeanParam PageParams paging) {
        return search.search(code, new OrganizationSearch.Criteria(q,
                Params.enumValue("type", OrganizationType.class, type), Params.enumValue("theme", Theme.class, theme),
                Params.uuid("area", area), Params.enumValue("status", OrganizationStatus.class, status)), paging);
    }

    @POST
    @Path("/municipalities/{code}/organizations")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerOrganization", summary = "Register an organisation; the caller becomes its owner and it waits for staff approval")
    @APIResponse(responseCode = "201", description = "Registered (status PENDING)",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response create(@PathParam("code") String code, @NotNull @Valid OrganizationWrite write) {
        Organization org = organizations.create(code, write);
        return Etags.created(URI.create("/api/v1/organizations/" + org.id), organizations.view(org), org.version);
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(operationId = "getOrganization", summary = "Get an organisation (contact details for members and staff only)")
    @APIResponse(responseCode = "200", description = "The organisation",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response get(@PathParam("id") UUID id) {
        Organization org = organizations.requireVisible(id);
        return Etags.ok(organizations.view(org), org.version);
    }

    @PUT
    @Path("/organizations/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOrganization", summary = "Replace an organisation's profile (members and staff; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid OrganizationWrite write) {
        Organization org = organizations.update(id, ifMatch, write);
        return Etags.ok(organizations.view(org), org.version);
    }

    @DELETE
    @Path("/organizations/{id}")
    @Authenticated
    @Operation(operationId = "deleteOrganization", summary = "Delete an organisation (owners and staff); its history is kept")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        organizations.delete(id, ifMatch);
    }

    @POST
    @Path("/organizations/{id}/approval")
    @Authenticated
    @Operation(operationId = "approveOrganization", summary = "Approve a pending organisation (staff of its municipality)")
    @APIResponse(responseCode = "200", description = "Now ACTIVE",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response approve(@PathParam("id") UUID id) {
        return statusChanged(organizations.changeStatus(id, StatusChange.APPROVE));
    }

    @POST
    @Path("/organizations/{id}/suspension")
    @Authenticated
    @Operation(operationId = "suspendOrganization", summary = "Suspend an active organisation (staff of its municipality)")
    @APIResponse(responseCode = "200", description = "Now SUSPENDED",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response suspend(@PathParam("id") UUID id) {
        return statusChanged(organizations.changeStatus(id, StatusChange.SUSPEND));
    }

    @POST
    @Path("/organizations/{id}/reinstatement")
    @Authenticated
    @Operation(operationId = "reinstateOrganization", summary = "Reinstate a suspended organisation (staff of its municipality)")
    @APIResponse(responseCode = "200", description = "ACTIVE again",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response reinstate(@PathParam("id") UUID id) {
        return statusChanged(organizations.changeStatus(id, StatusChange.REINSTATE));
    }

    private Response statusChanged(Organization org) {
        return Etags.ok(organizations.view(org), org.version);
    }
}
