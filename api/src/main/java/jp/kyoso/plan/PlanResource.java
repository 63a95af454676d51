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
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.core.web.Params;
import jp.kyoso.plan.PlanDtos.DiffView;
import jp.kyoso.plan.PlanDtos.PlanCreate;
import jp.kyoso.plan.PlanDtos.PlanUpdate;
import jp.kyoso.plan.PlanDtos.PlanView;
import jp.kyoso.plan.PlanDtos.PublishRequest;
import jp.kyoso.plan.PlanDtos.VersionSummary;
import jp.kyoso.plan.PlanDtos.VersionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "地域づくり計画・推進プラン")
public class PlanResource {

    @Inject PlanService plans;
    @Inject PlanSearch search;
    @Inject PlanVersions versions;

    @GET
    @Path("/municipalities/{code}/plans")
    @Operation(operationId = "listPlans", summary = "List a municipality's plans",
            description = "Everyone sees published and archived plans; drafts are listed for their editors only "
                    + "(staff of the municipality, members of the owning community council).")
    public Page<PlanView> list(
            @PathParam("code") String code,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = PlanStatus.class)) String status,
            @QueryParam("organizationId") @Parameter(description = "Plans of this community council",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organizationId,
            @QueryParam("areaId") @Parameter(description = "Plans covering exactly this area",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String areaId,
            @Valid @BeanParam PageParams paging) {
        return search.list(code, new PlanSearch.Criteria(Params.enumValue("status", PlanStatus.class, status),
                Params.uuid("organizationId", organizationId), Params.uuid("areaId", areaId)), paging);
    }

    @POST
    @Path("/municipalities/{code}/plans")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPlan", summary = "Create a plan as a draft (staff for the municipality's plans; members of the community council for its plans)")
    @APIResponse(responseCode = "201", description = "Created (status DRAFT)",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response create(@PathParam("code") String code, @NotNull @Valid PlanCreate write) {
        WithVersion<PlanView> plan = plans.create(code, write);
        return Etags.created(URI.create("/api/v1/plans/" + plan.body().id()), plan.body(), plan.version());
    }

    @GET
    @Path("/plans/{id}")
    @Operation(operationId = "getPlan", summary = "Get a plan: the working draft for its editors, the latest published version for everyone else")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response get(@PathParam("id") UUID id) {
        WithVersion<PlanView> plan = plans.get(id);
        return Etags.ok(plan.body(), plan.version());
    }

    @PUT
    @Path("/plans/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePlan", summary = "Replace a plan's title, vision, description, area and span in the draft (editors; If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid PlanUpdate write) {
        WithVersion<PlanView> plan = plans.update(id, ifMatch, write);
        return Etags.ok(plan.body(), plan.version());
    }

    @DELETE
    @Path("/plans/{id}")
    @Authenticated
    @Operation(operationId = "deletePlan", summary = "Delete a plan that was never published (editors); published plans are archived instead")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        plans.delete(id, ifMatch);
    }

    @POST
    @Path("/plans/{id}/versions")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishPlan", summary = "Publish the draft as the next immutable version (editors)",
            description = "The version keeps the plan's text, span, area, item tree and statuses as they are now; "
                    + "later edits work on a new draft. Refused (409) when nothing changed since the last version. "
                    + "An If-Match, when sent, must be the draft's current ETag.")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = VersionSummary.class)))
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid PublishRequest request) {
        WithVersion<VersionSummary> published = versions.publish(id, ifMatch, request == null ? null : request.note());
        return Etags.created(URI.create("/api/v1/plans/" + id + "/versions/" + published.body().number()),
                published.body(), published.version());
    }

    @GET
    @Path("/plans/{id}/versions")
    @Operation(operationId = "listPlanVersions", summary = "List a plan's published versions, newest first (見直しの履歴)")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = VersionSummary.class)))
    public List<VersionSummary> versions(@PathParam("id") UUID id) {
        return versions.versions(id);
    }

    @GET
    @Path("/plans/{id}/versions/{number}")
    @Operation(operationId = "getPlanVersion", summary = "Get a published version as it was published: the plan, its item tree and statuses")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    public VersionView version(@PathParam("id") UUID id, @PathParam("number") int number) {
        return versions.version(id, number);
    }

    @GET
    @Path("/plans/{id}/diff")
    @Operation(operationId = "diffPlanVersions", summary = "What changed between two versions of a plan",
            description = "`from` defaults to the version before `to`; `to` defaults to the latest version and may be "
                    + "`draft` (editors only) to see what publishing now would change.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(schema = @Schema(implementation = DiffView.class)))
    @APIResponse(responseCode = "401", description = "`to=draft` was asked for without signing in")
    @APIResponse(responseCode = "403", description = "`to=draft` is for the plan's editors only")
    @APIResponse(responseCode = "409", description = "The plan has no published version to compare yet")
    public DiffView diff(@PathParam("id") UUID id,
                         @QueryParam("from") @Parameter(description = "The older version number",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String from,
                         @QueryParam("to") @Parameter(description = "The newer version number, or `draft`",
                                 schema = @Schema(type = SchemaType.STRING, examples = "2")) String to) {
        return versions.diff(id, versionNumber("from", from), to);
    }

    @POST
    @Path("/plans/{id}/archival")
    @Authenticated
    @Operation(operationId = "archivePlan", summary = "Archive a published plan: it stays readable with all its versions, and closed to changes (editors)")
    @APIResponse(responseCode = "200", description = "Now ARCHIVED",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response archive(@PathParam("id") UUID id) {
        WithVersion<PlanView> plan = plans.archive(id);
        return Etags.ok(plan.body(), plan.version());
    }

    /** A version number from a query parameter; 400 naming it when it is not one. */
    static Integer versionNumber(String field, String value) {
        return jp.kyoso.core.web.Params.integer(field, value, 1, jp.kyoso.core.i18n.Label.of(
                "1 以上の版の番号を指定してください", "A version number from 1"));
    }
}
