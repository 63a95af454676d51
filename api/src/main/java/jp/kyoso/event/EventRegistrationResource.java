package jp.kyoso.event;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.core.web.Params;
import jp.kyoso.event.EventDtos.CheckInWrite;
import jp.kyoso.event.EventDtos.RegistrationView;
import jp.kyoso.event.EventDtos.RegistrationWrite;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "きっかけづくり: events, registrations, check-in, reports, calendars and open data")
public class EventRegistrationResource {

    @Inject EventRegistrations registrations;
    @Inject RegistrationQueries queries;
    @Inject EventViews views;
    @Inject Events events;

    @GET
    @Path("/events/{id}/registrations")
    @Authenticated
    @Operation(operationId = "listEventRegistrations", summary = "Everyone registered, in arrival order with the waitlist (organisers)")
    public Page<RegistrationView> list(@PathParam("id") UUID id,
                                       @QueryParam("status") @Parameter(schema = @Schema(implementation = RegistrationStatus.class)) String status,
                                       @Valid @BeanParam PageParams paging) {
        return queries.list(id, Params.enumValue("status", RegistrationStatus.class, status), paging);
    }

    @POST
    @Path("/events/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "registerForEvent", summary = "Register for an event: signed in, or as a guest (name and e-mail) where the event allows it",
            description = "A seat while the capacity (less held seats) lasts, else the waitlist in arrival order. 409 "
                    + "saying why for a cancelled, closed or past event, outside the registration window, or a second "
                    + "registration (one per person, one per e-mail for guests).")
    @APIResponse(responseCode = "201", description = "REGISTERED or WAITLISTED, with the check-in code",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public Response register(@PathParam("id") UUID id, @NotNull @Valid RegistrationWrite write) {
        EventRegistration r = registrations.register(id, write);
        return Etags.created(URI.create("/api/v1/events/" + id + "/registrations/" + r.id),
                views.registration(events.requireVisible(id), r), r.version);
    }

    @GET
    @Path("/events/{id}/registrations/{registrationId}")
    @Authenticated
    @Operation(operationId = "getEventRegistration", summary = "One registration with its code and QR image (the registrant and organisers)")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public RegistrationView get(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId) {
        return queries.get(id, registrationId);
    }

    @DELETE
    @Path("/events/{id}/registrations/{registrationId}")
    @Authenticated
    @Operation(operationId = "cancelEventRegistration", summary = "Cancel a registration (the registrant or organisers); the first on the waitlist is promoted and told")
    @APIResponse(responseCode = "200", description = "Now CANCELLED",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public RegistrationView cancel(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId) {
        EventRegistration r = registrations.cancel(id, registrationId);
        return views.registration(events.requireVisible(id), r);
    }

    @POST
    @Path("/events/{id}/check-ins")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkInToEvent", summary = "Check a person in by code (typed or scanned) or by registration id (organisers)")
    @APIResponse(responseCode = "200", description = "Now ATTENDED",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public RegistrationView checkIn(@PathParam("id") UUID id, @NotNull @Valid CheckInWrite write) {
        EventRegistration r = registrations.checkIn(id, write);
        return views.registration(events.requireVisible(id), r);
    }

    @GET
    @Path("/events/{id}/registrations.csv")
    @Authenticated
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportEventRegistrations", summary = "The registrations as CSV for Excel (UTF-8 with BOM; organisers)")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportCsv(@PathParam("id") UUID id) {
        RegistrationQueries.Export export = queries.csv(id);
        return Csv.download(export.body(), export.fileName());
    }

    @GET
    @Path("/me/registrations")
    @Authenticated
    @Operation(operationId = "myEventRegistrations", summary = "My event registrations, the latest first")
    public Page<RegistrationView> mine(@Valid @BeanParam PageParams paging) {
        return queries.mine(paging);
    }
}
