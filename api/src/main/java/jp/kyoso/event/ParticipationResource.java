package jp.kyoso.event;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.event.ParticipationDtos.ParticipationView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participation", description = "参加の段階: from events to the people who step up")
public class ParticipationResource {

    @Inject
    ParticipationService service;

    @GET
    @Path("/municipalities/{code}/participation")
    @Operation(operationId = "getParticipation", summary = "The participation funnel by fiscal year, area and kind (public; aggregates only)",
            description = "Events held, registrations, attendees, first-time and repeat attendees, attendees who stepped "
                    + "up within `months`, walk-ins and headcount, per fiscal year: in total, by area (with rates per "
                    + "1,000 residents where the area has a population), by kind, and by area and kind. Never a person.")
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(schema = @Schema(implementation = ParticipationView.class)))
    public ParticipationView participation(
            @PathParam("code") String code,
            @QueryParam("fiscalYear") @Parameter(description = "Only this fiscal year: " + FiscalYear.PARAM_FORMS,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 20, examples = "2024")) String fiscalYear,
            @QueryParam("area") @Parameter(description = "Only events for this area or its sub-areas",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String area,
            @QueryParam("kind") @Parameter(description = "Only events of this kind",
                    schema = @Schema(implementation = EventKind.class)) String kind,
            @QueryParam("months") @Parameter(description = "The window for stepping up after an event, in months "
                    + "(1–" + ParticipationService.MAX_MONTHS + ", default " + ParticipationFunnel.DEFAULT_MONTHS + ")",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "120")) String months) {
        return service.funnel(code, fiscalYear, area, kind, months);
    }
}
