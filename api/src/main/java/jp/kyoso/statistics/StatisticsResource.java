package jp.kyoso.statistics;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.web.Etags;
import jp.kyoso.statistics.StatisticsDtos.AreaActivityView;
import jp.kyoso.statistics.StatisticsDtos.AreaStatisticsView;
import jp.kyoso.statistics.StatisticsDtos.MunicipalityStatisticsView;
import jp.kyoso.statistics.StatisticsDtos.ProjectionsView;
import jp.kyoso.statistics.StatisticsDtos.ProjectionsWrite;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "地域カルテ: 地域・年齢別人口の推移と将来人口の推計")
public class StatisticsResource {

    @Inject StatisticsViews views;
    @Inject StatisticsImport imports;
    @Inject ProjectionService projections;
    @Inject AreaActivity activity;

    @GET
    @Path("/areas/{id}/statistics")
    @Operation(operationId = "getAreaStatistics", summary = "An area's population by sex and age band over time (everyone)")
    @APIResponse(responseCode = "200", description = "The area's series, oldest survey first",
            content = @Content(schema = @Schema(implementation = AreaStatisticsView.class)))
    public AreaStatisticsView area(@PathParam("id") UUID id) {
        return views.area(id);
    }

    @GET
    @Path("/areas/{id}/activity")
    @Operation(operationId = "getAreaActivity",
            summary = "Kyoso's own activity in an area and its sub-areas: organisations, haves and needs, projects, "
                    + "events and plans (everyone; public records only)")
    @APIResponse(responseCode = "200", description = "The counts; each value is the filter of its list",
            content = @Content(schema = @Schema(implementation = AreaActivityView.class)))
    public AreaActivityView activity(@PathParam("id") UUID id) {
        return activity.of(id);
    }

    @GET
    @Path("/municipalities/{code}/statistics")
    @Operation(operationId = "getMunicipalityStatistics",
            summary = "A municipality's own population series and each area's latest survey (everyone)")
    @APIResponse(responseCode = "200", description = "The statistics; the ETag is the one the CSV import needs",
            content = @Content(schema = @Schema(implementation = MunicipalityStatisticsView.class)))
    public Response municipality(@PathParam("code") String code) {
        MunicipalityStatisticsView view = views.municipality(code);
        return Etags.ok(view, view.version());
    }

    @GET
    @Path("/municipalities/{code}/statistics/population.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportPopulationCsv",
            summary = "Export the area statistics as the standard 地域・年齢別人口 CSV (everyone; UTF-8 with BOM, CRLF)",
            description = "Columns in the standard's order: 都道府県コード又は市区町村コード, 地域コード, 都道府県名, 市区町村名, "
                    + "調査年月日, 地域名, 総人口, 男性, 女性, then <band>の男性 and <band>の女性 for 0-4歳 … 80-84歳 and 85歳以上, "
                    + "世帯数, 備考.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportCsv(@PathParam("code") String code) {
        byte[] body = views.csv(code);
        return Response.fromResponse(Csv.download(body, "地域・年齢別人口_" + code + ".csv"))
                .tag(Etags.of(views.version(code))).build();
    }

    @PUT
    @Path("/municipalities/{code}/statistics/population.csv")
    @Authenticated
    @Consumes({"text/csv", "application/vnd.ms-excel", "text/plain", "application/octet-stream"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importPopulationCsv",
            summary = "Import a 地域・年齢別人口 CSV (staff of the municipality; If-Match: the statistics' ETag)",
            description = "UTF-8 (with or without BOM) or Shift_JIS/CP932, detected. Rows name their area by 地域コード or "
                    + "地域名 (none, or the municipality's name: the whole municipality). Each survey date in the file is "
                    + "replaced by the file's rows for it; other dates are kept. Totals must add up (男性 + 女性 = 総人口, "
                    + "each sex's bands = its total). All or nothing: any bad cell rejects the file with each bad row and "
                    + "column in `errors` and nothing changes.")
    @RequestBody(content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Imported: what was created, changed and deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CsvImportReport.class)))
    public Response importCsv(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        CsvImportReport report = imports.importCsv(code, ifMatch, body);
        return Etags.ok(report, views.version(code));
    }

    @GET
    @Path("/municipalities/{code}/statistics/projections")
    @Operation(operationId = "getProjections", summary = "A municipality's population projections by scenario (everyone)")
    @APIResponse(responseCode = "200", description = "The scenarios in display order",
            content = @Content(schema = @Schema(implementation = ProjectionsView.class)))
    public Response getProjections(@PathParam("code") String code) {
        ProjectionsView view = projections.get(code);
        return Etags.ok(view, view.version());
    }

    @PUT
    @Path("/municipalities/{code}/statistics/projections")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceProjections",
            summary = "Replace a municipality's population projections (staff; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = ProjectionsView.class)))
    public Response replaceProjections(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
                                       @NotNull @Valid ProjectionsWrite write) {
        ProjectionsView view = projections.replace(code, ifMatch, write);
        return Etags.ok(view, view.version());
    }
}
