package jp.kyoso.area;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.area.AreaDtos.AreaView;
import jp.kyoso.area.AreaDtos.AreaWrite;
import jp.kyoso.area.AreaDtos.LiaisonView;
import jp.kyoso.area.AreaDtos.LiaisonWrite;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
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
@Tag(name = "Areas", description = "地域・地区・校区")
public class AreaResource {

    @Inject AreaService areas;

    @GET
    @Path("/municipalities/{code}/areas")
    @Operation(operationId = "listAreas", summary = "List a municipality's areas as a tree in display order (depth first)")
    public Page<AreaView> list(@PathParam("code") String code, @Valid @BeanParam PageParams paging) {
        return areas.list(code, paging);
    }

    @POST
    @Path("/municipalities/{code}/areas")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArea", summary = "Create an area (staff of the municipality)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response create(@PathParam("code") String code, @NotNull @Valid AreaWrite write) {
        Area area = areas.create(code, write);
        return Etags.created(URI.create("/api/v1/areas/" + area.id), areas.get(area.id), area.version);
    }

    @GET
    @Path("/areas/{id}")
    @Operation(operationId = "getArea", summary = "Get an area with its profile and liaison officers")
    @APIResponse(responseCode = "200", description = "The area",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response get(@PathParam("id") UUID id) {
        AreaView view = areas.get(id);
        return Etags.ok(view, view.version());
    }

    @PUT
    @Path("/areas/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateArea", summary = "Replace an area (staff; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AreaWrite write) {
        Area area = areas.update(id, ifMatch, write);
        return Etags.ok(areas.get(area.id), area.version);
    }

    @DELETE
    @Path("/areas/{id}")
    @Authenticated
    @Operation(operationId = "deleteArea", summary = "Delete an area without sub-areas or organisations (staff)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        areas.delete(id, ifMatch);
    }

    @POST
    @Path("/areas/{id}/liaisons")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignLiaison", summary = "Assign a liaison officer (地域担当職員) to an area (staff)")
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(schema = @Schema(implementation = LiaisonView.class)))
    public Response assignLiaison(@PathParam("id") UUID id, @NotNull @Valid LiaisonWrite write) {
        LiaisonView view = areas.assignLiaison(id, write);
        return Response.created(URI.create("/api/v1/areas/" + id + "/liaisons/" + view.id())).entity(view).build();
    }

    @DELETE
    @Path("/areas/{id}/liaisons/{liaisonId}")
    @Authenticated
    @Operation(operationId = "removeLiaison", summary = "End a liaison assignment by removing it (staff)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeLiaison(@PathParam("id") UUID id, @PathParam("liaisonId") UUID liaisonId) {
        areas.removeLiaison(id, liaisonId);
    }
}
