package jp.kyoso.opendata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jp.kyoso.core.web.Etags;
import jp.kyoso.indicator.IndicatorOpenData;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.opendata.OpenDataDtos.CatalogView;
import jp.kyoso.opendata.OpenDataDtos.SettingsView;
import jp.kyoso.opendata.OpenDataDtos.SettingsWrite;
import jp.kyoso.organization.OrganizationDirectory;
import jp.kyoso.plan.PlanOpenData;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open data", description = "オープンデータ: the datasets Kyoso publishes for a municipality, its catalog "
        + "(also DCAT-AP JSON-LD) and its licence")
public class OpenDataResource {

    public static final String JSON_LD = "application/ld+json";

    @Inject OpenDataCatalog catalog;
    @Inject OpenDataService settings;
    @Inject OrganizationDirectory organizations;
    @Inject PlanOpenData plans;
    @Inject IndicatorOpenData indicators;
    @Inject Municipalities municipalities;
    @Inject ObjectMapper json;

    @GET
    @Path("/municipalities/{code}/open-data")
    @Operation(operationId = "getOpenDataCatalog",
            summary = "The open-data catalog of a municipality: each dataset with its licence, last change and files (everyone)")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(schema = @Schema(implementation = CatalogView.class)))
    public CatalogView catalog(@PathParam("code") String code) {
        return catalog.catalog(code);
    }

    @GET
    @Path("/municipalities/{code}/open-data.jsonld")
    @Produces(JSON_LD)
    @Operation(operationId = "getOpenDataCatalogJsonLd",
            summary = "The open-data catalog as DCAT-AP JSON-LD, for data portals to harvest (everyone)")
    @APIResponse(responseCode = "200", description = "A dcat:Catalog with its dcat:Dataset and dcat:Distribution nodes",
            content = @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT)))
    public Response catalogJsonLd(@PathParam("code") String code) throws JsonProcessingException {
        return Response.ok(json.writeValueAsBytes(catalog.jsonLd(code)), JSON_LD).build();
    }

    @GET
    @Path("/municipalities/{code}/open-data/settings")
    @Operation(operationId = "getOpenDataSettings",
            summary = "A municipality's open-data licence and the sites allowed to frame its embeds (everyone)")
    @APIResponse(responseCode = "200", description = "The settings; the ETag is the one a change needs",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response getSettings(@PathParam("code") String code) {
        SettingsView view = settings.get(code);
        return Etags.ok(view, view.version());
    }

    @PUT
    @Path("/municipalities/{code}/open-data/settings")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceOpenDataSettings",
            summary = "Replace the open-data licence and the allowed embed origins (staff of the municipality; If-Match)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response replaceSettings(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
                                    @NotNull @Valid SettingsWrite write) {
        SettingsView view = settings.replace(code, ifMatch, write);
        return Etags.ok(view, view.version());
    }

    @GET
    @Path("/municipalities/{code}/organizations.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportOrganizationDirectory",
            summary = "The organisation directory as open data: ACTIVE organisations, public fields only (everyone; "
                    + "UTF-8 with BOM, CRLF)",
            description = "Columns: " + "都道府県コード又は市区町村コード, 団体ID, 名称, 名称_カナ, 種別, 結びつき, 活動地域, 活動分野, "
                    + "説明, ウェブサイト, 連絡先名称, 連絡先メールアドレス, 連絡先電話番号 (each only where published), 更新日.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response organizationsCsv(@PathParam("code") String code) {
        municipalities.require(code);
        return Csv.download(organizations.csv(code), code + "_organizations.csv");
    }

    @GET
    @Path("/municipalities/{code}/plan-progress.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportPlanProgress",
            summary = "The progress tables of the published plans, by fiscal year and item (everyone; UTF-8 with BOM, CRLF)",
            description = "Columns: 都道府県コード又は市区町村コード, 計画ID, 計画名, 版, 年度, 年度表示, 項目コード, 項目名, 階層, "
                    + "対象項目数, then the count of each status (未着手, 検討中, 一部実施, 継続推進, 実施済) and 実施済の割合(%).")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response planProgressCsv(@PathParam("code") String code) {
        municipalities.require(code);
        return Csv.download(plans.csv(code), code + "_plan_progress.csv");
    }

    @GET
    @Path("/municipalities/{code}/indicators.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportIndicatorsOpenData",
            summary = "The public indicators with baselines, targets and actuals by fiscal year (everyone; UTF-8 with BOM, CRLF)",
            description = "Columns: 都道府県コード又は市区町村コード, 指標ID, 指標名, 単位, 計画ID, 年度, 年度表示, 基準値, 目標値, 実績値.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response indicatorsCsv(@PathParam("code") String code) {
        municipalities.require(code);
        return Csv.download(indicators.csv(code), code + "_indicators.csv");
    }
}
