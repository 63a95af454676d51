package jp.kyoso.indicator;

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
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.core.web.Params;
import jp.kyoso.indicator.IndicatorDtos.IndicatorCreate;
import jp.kyoso.indicator.IndicatorDtos.IndicatorUpdate;
import jp.kyoso.indicator.IndicatorDtos.IndicatorView;
import jp.kyoso.indicator.IndicatorDtos.ValueWrite;
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
@Tag(name = "Indicators", description = "成果指標・数値目標")
public class IndicatorResource {

    @Inject Indicators indicators;
    @Inject IndicatorService service;
    @Inject IndicatorSearch search;
    @Inject IndicatorValues values;
    @Inject IndicatorImport imports;
    @Inject IndicatorViews views;

    @GET
    @Path("/municipalities/{code}/indicators")
    @Operation(operationId = "listIndicators", summary = "List a municipality's indicators with their figures and status",
            description = "The municipality's own indicators are public; a plan's indicators are as visible as the plan.")
    public Page<IndicatorView> list(
            @PathParam("code") String code,
            @QueryParam("planId") @Parameter(description = "Indicators of this plan",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String planId,
            @QueryParam("owner") @Parameter(description = "Only the municipality's own or only plans' indicators",
                    schema = @Schema(implementation = IndicatorOwnerType.class)) String owner,
            @Valid @BeanParam PageParams paging) {
        return search.list(code, Params.uuid("planId", planId),
                Params.enumValue("owner", IndicatorOwnerType.class, owner), paging);
    }

    @POST
    @Path("/municipalities/{code}/indicators")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIndicator", summary = "Create an indicator (staff for the municipality's; the plan's editors for a plan's)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response create(@PathParam("code") String code, @NotNull @Valid IndicatorCreate write) {
        Indicator indicator = service.create(code, write);
        return Etags.created(URI.create("/api/v1/indicators/" + indicator.id), views.view(indicator),
                indicator.version);
    }

    @GET
    @Path("/indicators/{id}")
    @Operation(operationId = "getIndicator", summary = "Get an indicator: baseline, targets with achievement, actuals, status and a series per fiscal year")
    @APIResponse(responseCode = "200", description = "The indicator",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@PathParam("id") UUID id) {
        Indicator indicator = indicators.requireVisible(id);
        return Etags.ok(views.view(indicator), indicator.version);
    }

    @PUT
    @Path("/indicators/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateIndicator", summary = "Replace an indicator's definition and linked plan items (editors; If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid IndicatorUpdate write) {
        Indicator indicator = service.update(id, ifMatch, write);
        return Etags.ok(views.view(indicator), indicator.version);
    }

    @DELETE
    @Path("/indicators/{id}")
    @Authenticated
    @Operation(operationId = "deleteIndicator", summary = "Delete an indicator with its figures (editors)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @PUT
    @Path("/indicators/{id}/values/{fiscalYear}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setIndicatorValue", summary = "Set the baseline, target, actual and note of one fiscal year (editors; If-Match: the indicator's ETag)",
            description = "Fields left out stay as they are; null clears a field. At most one fiscal year holds the "
                    + "baseline: setting it in another year is refused until the old one is cleared.")
    @APIResponse(responseCode = "200", description = "The indicator with its new figures and status",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response setValue(@PathParam("id") UUID id,
                             @PathParam("fiscalYear") @Parameter(description = "The fiscal year: " + FiscalYear.PARAM_FORMS,
                                     schema = @Schema(type = SchemaType.STRING, maxLength = 20, examples = "2024")) String fiscalYear,
                             @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ValueWrite write) {
        Indicator indicator = values.set(id, FiscalYear.param("fiscalYear", fiscalYear), ifMatch, write);
        return Etags.ok(views.view(indicator), indicator.version);
    }

    @GET
    @Path("/indicators/{id}/values.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportIndicatorValues", summary = "Export an indicator's figures as CSV (UTF-8 with BOM, for Excel)",
            description = "One row per fiscal year: year, its label, baseline, target, actual, note, source date. "
                    + "Headers follow Accept-Language.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportCsv(@PathParam("id") UUID id) {
        IndicatorViews.Export export = views.csv(id);
        return Csv.download(export.body(), export.fileName());
    }

    @PUT
    @Path("/indicators/{id}/values.csv")
    @Authenticated
    @Consumes({"text/csv", "application/vnd.ms-excel", "text/plain", "application/octet-stream"})
    @Operation(operationId = "importIndicatorValues", summary = "Replace an indicator's figures with a CSV file (editors; If-Match: the indicator's ETag)",
            description = "UTF-8 (with or without BOM) or Shift_JIS/CP932, detected. Each row sets one fiscal year "
                    + "(a column the file lacks keeps that field); years missing from the file are removed. All or "
                    + "nothing: any bad cell rejects the file with each bad row and column in `errors` and nothing changes.")
    @RequestBody(content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Imported: what was created, changed and deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CsvImportReport.class)))
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCsv(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        CsvImportReport report = imports.importCsv(id, ifMatch, body);
        Indicator indicator = indicators.requireVisible(id);
        return Etags.ok(report, indicator.version);
    }
}
