package jp.kyoso.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.web.EmbedFraming;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/embed")
@Tag(name = "Embeds", description = "埋め込み: an indicator's chart and a plan's progress table for a municipality's "
        + "own website; framing allowed only for the origins its staff configure")
public class EmbedResource {

    static final String HTML = "text/html;charset=UTF-8";
    static final String SVG = "image/svg+xml";

    @Inject EmbedPages pages;
    @Inject OpenDataService settings;

    @GET
    @Path("/indicators/{id}")
    @Produces(HTML)
    @Operation(operationId = "embedIndicator",
            summary = "An indicator's chart and figures as a light page to embed in an iframe (everyone; public indicators)",
            description = "Content-Security-Policy frame-ancestors names the municipality's configured origins.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response indicator(@PathParam("id") UUID id) {
        return framed(pages.indicatorPage(id), HTML);
    }

    @GET
    @Path("/indicators/{id}/chart.svg")
    @Produces(SVG)
    @Operation(operationId = "embedIndicatorChart",
            summary = "An indicator's chart as SVG: actuals, targets and the path to them (everyone; public indicators)")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    public Response indicatorChart(@PathParam("id") UUID id) {
        return framed(pages.indicatorChart(id), SVG);
    }

    @GET
    @Path("/plans/{id}/progress")
    @Produces(HTML)
    @Operation(operationId = "embedPlanProgress",
            summary = "A published plan's progress table in its current fiscal year as a light page to embed (everyone)",
            description = "Content-Security-Policy frame-ancestors names the municipality's configured origins.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response planProgress(@PathParam("id") UUID id) {
        return framed(pages.planProgress(id), HTML);
    }

    private Response framed(EmbedPages.Page page, String type) {
        return Response.ok(page.body(), type)
                .header(EmbedFraming.ALLOW, String.join(" ", settings.embedOrigins(page.municipalityCode())))
                .build();
    }
}
