package jp.kyoso.matching;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Params;
import jp.kyoso.matching.BrokeringDtos.BrokeringItem;
import jp.kyoso.matching.BrokeringDtos.CoordinatorView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Brokering", description = "つなぐ: matches proposed by staff and coordinators, and the liaison queue")
public class BrokeringResource {

    @Inject BrokeringQueries queries;
    @Inject CoordinatorService coordinators;

    @GET
    @Path("/municipalities/{code}/brokering-queue")
    @Authenticated
    @Operation(operationId = "listBrokeringQueue", summary = "Strong suggestions neither side acted on, for liaison officers (staff)",
            description = "SUGGESTED matches older than kyoso.brokering.queue-after-days (default 14) whose listings "
                    + "are still open, strongest first. Propose one with proposeMatch (its needId and haveId).")
    public Page<BrokeringItem> queue(
            @PathParam("code") String code,
            @QueryParam("area") @Parameter(description = "Area id; the need's or the have's area, sub-areas included",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String area,
            @QueryParam("mine") @Parameter(description = "true: only the areas the caller is liaison officer of (with "
                    + "their sub-areas)", schema = @Schema(type = SchemaType.BOOLEAN)) String mine,
            @Valid @BeanParam PageParams paging) {
        return queries.queue(code, Params.uuid("area", area),
                Boolean.TRUE.equals(Params.bool("mine", mine)), paging);
    }

    @GET
    @Path("/municipalities/{code}/brokered-matches")
    @Authenticated
    @Operation(operationId = "listBrokeredMatches", summary = "Brokered matches and their progress, newest first (staff: all; approved coordinators' members: their own)")
    public Page<BrokeringItem> brokered(
            @PathParam("code") String code,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = MatchStatus.class)) String status,
            @Valid @BeanParam PageParams paging) {
        return queries.brokered(code, Params.enumValue("status", MatchStatus.class, status), paging);
    }

    @GET
    @Path("/municipalities/{code}/coordinators")
    @Operation(operationId = "listCoordinators", summary = "The municipality's approved coordinators (中間支援組織 whose members may broker matches)")
    public Page<CoordinatorView> coordinators(@PathParam("code") String code, @Valid @BeanParam PageParams paging) {
        return coordinators.list(code, paging);
    }

    @PUT
    @Path("/organizations/{id}/coordinator")
    @Authenticated
    @Operation(operationId = "approveCoordinator", summary = "Approve an active 中間支援組織 as a coordinator (staff of its municipality)")
    @APIResponse(responseCode = "200", description = "Approved (again: unchanged)",
            content = @Content(schema = @Schema(implementation = CoordinatorView.class)))
    @APIResponse(responseCode = "409", description = "Not an INTERMEDIARY organisation, or not active")
    public CoordinatorView approve(@PathParam("id") UUID id) {
        return coordinators.approve(id);
    }

    @DELETE
    @Path("/organizations/{id}/coordinator")
    @Authenticated
    @Operation(operationId = "revokeCoordinator", summary = "Revoke a coordinator's approval (staff of its municipality); its brokered matches go on")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("id") UUID id) {
        coordinators.revoke(id);
    }
}
