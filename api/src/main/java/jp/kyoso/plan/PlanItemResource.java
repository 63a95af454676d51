package jp.kyoso.plan;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.web.Etags;
import jp.kyoso.plan.PlanDtos.PlanItemView;
import jp.kyoso.plan.PlanDtos.PlanItemWrite;
import jp.kyoso.plan.PlanDtos.PlanItemsView;
import jp.kyoso.plan.PlanDtos.ProgressView;
import jp.kyoso.plan.PlanDtos.StatusChanges;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "地域づくり計画・推進プラン")
public class PlanItemResource {

    @Inject PlanItemQueries items;
    @Inject PlanItemCommands commands;
    @Inject PlanStatuses statuses;
    @Inject PlanItemCsv csv;

    @GET
    @Path("/plans/{id}/items")
    @Operation(operationId = "getPlanItems", summary = "Get a plan's item tree with every leaf's status per fiscal year (tree order)",
            description = "Editors read the draft, everyone else the latest published version; `version` picks a published one.")
    @APIResponse(responseCode = "200", description = "The item tree",
            content = @Content(schema = @Schema(implementation = PlanItemsView.class)))
    public Response tree(@PathParam("id") UUID id,
                         @QueryParam("version") @Parameter(description = "A published version number",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String version) {
        WithVersion<PlanItemsView> tree = items.items(id, PlanResource.versionNumber("version", version));
        return Etags.ok(tree.body(), tree.version());
    }

    @POST
    @Path("/plans/{id}/items")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addPlanItem", summary = "Add an item to the draft's tree (editors); without a code one is generated (I, I-(1), I-(1)-①)")
    @APIResponse(responseCode = "201", description = "Added; the ETag is the plan's new one",
            content = @Content(schema = @Schema(implementation = PlanItemView.class)))
    public Response create(@PathParam("id") UUID id, @NotNull @Valid PlanItemWrite write) {
        WithVersion<PlanItemView> item = commands.create(id, write);
        return Etags.created(URI.create("/api/v1/plans/" + id + "/items/" + item.body().id()), item.body(),
                item.version());
    }

    @GET
    @Path("/plans/{id}/items/{itemId}")
    @Operation(operationId = "getPlanItem", summary = "Get one item with its statuses")
    @APIResponse(responseCode = "200", description = "The item; the ETag is the plan's",
            content = @Content(schema = @Schema(implementation = PlanItemView.class)))
    public Response item(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        WithVersion<PlanItemView> item = items.item(id, itemId);
        return Etags.ok(item.body(), item.version());
    }

    @PUT
    @Path("/plans/{id}/items/{itemId}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePlanItem", summary = "Replace an item: code, title, description, parent and position (editors; If-Match: the plan's ETag)",
            description = "A missing code keeps the current one; a missing position keeps it in place (or last under a new parent).")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = PlanItemView.class)))
    public Response update(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                           @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PlanItemWrite write) {
        WithVersion<PlanItemView> item = commands.update(id, itemId, ifMatch, write);
        return Etags.ok(item.body(), item.version());
    }

    @DELETE
    @Path("/plans/{id}/items/{itemId}")
    @Authenticated
    @Operation(operationId = "deletePlanItem", summary = "Delete an item with its sub-items and their statuses from the draft (editors)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                       @HeaderParam("If-Match") String ifMatch) {
        commands.delete(id, itemId, ifMatch);
    }

    @PUT
    @Path("/plans/{id}/statuses")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPlanStatuses", summary = "Set many leaf statuses per fiscal year in one transaction (editors; If-Match: the plan's ETag)",
            description = "Each entry sets one leaf item's status in one fiscal year of the plan; a null status clears it. "
                    + "Entries not listed are left alone. Any invalid entry rejects the whole request, naming each "
                    + "(`statuses[3].itemId`), and nothing changes.")
    @APIResponse(responseCode = "200", description = "The draft's item tree after the change",
            content = @Content(schema = @Schema(implementation = PlanItemsView.class)))
    public Response statuses(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid StatusChanges changes) {
        WithVersion<PlanItemsView> tree = statuses.set(id, ifMatch, changes.statuses());
        return Etags.ok(tree.body(), tree.version());
    }

    @GET
    @Path("/plans/{id}/progress")
    @Operation(operationId = "getPlanProgress", summary = "The progress table of a fiscal year: counts and shares per status for every node and overall, "
            + "with the same figures for every fiscal year of the plan",
            description = "Shares are percent of the leaf items under a node, one decimal, rounded half-up (1 of 3 → 33.3). "
                    + "A leaf without a status for the year counts as NOT_STARTED. Nodes are in tree order.")
    @APIResponse(responseCode = "200", description = "The progress table",
            content = @Content(schema = @Schema(implementation = ProgressView.class)))
    public ProgressView progress(@PathParam("id") UUID id,
                                 @QueryParam("fiscalYear") @Parameter(description = "A fiscal year of the plan ("
                                         + FiscalYear.PARAM_FORMS + "); defaults to the current one, within the plan's span",
                                         schema = @Schema(type = SchemaType.STRING, maxLength = 20, examples = "2024")) String fiscalYear,
                                 @QueryParam("version") @Parameter(description = "A published version number",
                                         schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String version) {
        return items.progress(id, FiscalYear.param("fiscalYear", fiscalYear), PlanResource.versionNumber("version", version));
    }

    @GET
    @Path("/plans/{id}/items.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportPlanItems", summary = "Export the item tree with its statuses as CSV (UTF-8 with BOM, for Excel)",
            description = "Columns: code, parent code, title, description and one per fiscal year of the plan with the "
                    + "leaf's status. Headers and statuses follow Accept-Language (ja: 令和6年度, 実施済; en: FY2024, DONE).")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportCsv(@PathParam("id") UUID id,
                              @QueryParam("version") @Parameter(description = "A published version number",
                                      schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String version) {
        PlanItemCsv.Export export = csv.exportCsv(id, PlanResource.versionNumber("version", version));
        return Csv.download(export.body(), export.fileName());
    }

    @PUT
    @Path("/plans/{id}/items.csv")
    @Authenticated
    @Consumes({"text/csv", "application/vnd.ms-excel", "text/plain", "application/octet-stream"})
    @Operation(operationId = "importPlanItems", summary = "Replace the draft's item tree and statuses with a CSV file (editors; If-Match: the plan's ETag)",
            description = "UTF-8 (with or without BOM) or Shift_JIS/CP932, detected. Rows are matched to items by code: "
                    + "new codes are added, missing ones deleted, a year without a column keeps its statuses. "
                    + "All or nothing: any bad cell rejects the file with each bad row and column in `errors` "
                    + "(`rows[5].title`, the header being row 1) and nothing changes.")
    @RequestBody(content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Imported: what was created, changed and deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CsvImportReport.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCsv(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        WithVersion<CsvImportReport> report = csv.importCsv(id, ifMatch, body);
        return Etags.ok(report.body(), report.version());
    }
}
