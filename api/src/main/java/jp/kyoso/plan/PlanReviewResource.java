package jp.kyoso.plan;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.plan.PlanDtos.ReviewView;
import jp.kyoso.plan.PlanDtos.ReviewWrite;
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
@Tag(name = "Plans", description = "地域づくり計画・推進プラン")
public class PlanReviewResource {

    @Inject PlanReviewService reviews;

    @GET
    @Path("/plans/{id}/reviews")
    @Operation(operationId = "listPlanReviews", summary = "List a plan's reviews (ふりかえり), newest fiscal year first")
    public Page<ReviewView> list(@PathParam("id") UUID id,
                                 @QueryParam("fiscalYear") @Parameter(description = "Only this fiscal year: " + FiscalYear.PARAM_FORMS,
                                         schema = @Schema(type = SchemaType.STRING, maxLength = 20, examples = "2024")) String fiscalYear,
                                 @Valid @BeanParam PageParams paging) {
        return reviews.list(id, FiscalYear.param("fiscalYear", fiscalYear), paging);
    }

    @POST
    @Path("/plans/{id}/reviews")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPlanReview", summary = "Record a review of one fiscal year: self, mutual or third-party evaluation (editors)")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Response create(@PathParam("id") UUID id, @NotNull @Valid ReviewWrite write) {
        ReviewView view = reviews.create(id, write);
        return Etags.created(URI.create("/api/v1/plans/" + id + "/reviews/" + view.id()), view, view.version());
    }

    @GET
    @Path("/plans/{id}/reviews/{reviewId}")
    @Operation(operationId = "getPlanReview", summary = "Get a review")
    @APIResponse(responseCode = "200", description = "The review",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Response get(@PathParam("id") UUID id, @PathParam("reviewId") UUID reviewId) {
        ReviewView view = reviews.get(id, reviewId);
        return Etags.ok(view, view.version());
    }

    @PUT
    @Path("/plans/{id}/reviews/{reviewId}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePlanReview", summary = "Replace a review (editors; If-Match: the review's ETag)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Response update(@PathParam("id") UUID id, @PathParam("reviewId") UUID reviewId,
                           @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ReviewWrite write) {
        ReviewView view = reviews.update(id, reviewId, ifMatch, write);
        return Etags.ok(view, view.version());
    }

    @DELETE
    @Path("/plans/{id}/reviews/{reviewId}")
    @Authenticated
    @Operation(operationId = "deletePlanReview", summary = "Delete a review (editors)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @PathParam("reviewId") UUID reviewId,
                       @HeaderParam("If-Match") String ifMatch) {
        reviews.delete(id, reviewId, ifMatch);
    }
}
