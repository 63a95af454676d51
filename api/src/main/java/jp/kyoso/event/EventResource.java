package jp.kyoso.event;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.core.web.Params;
import jp.kyoso.event.EventDtos.CancellationWrite;
import jp.kyoso.event.EventDtos.ClosureWrite;
import jp.kyoso.event.EventDtos.EventView;
import jp.kyoso.event.EventDtos.EventWrite;
import jp.kyoso.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "きっかけづくり: events, registrations, check-in, reports, calendars and open data")
public class EventResource {

    @Inject EventService service;
    @Inject EventSearch search;
    @Inject EventFeeds feeds;
    @Inject EventViews views;
    @Inject Events events;

    @GET
    @Path("/municipalities/{code}/events")
    @Operation(operationId = "searchEvents", summary = "Search a municipality's events, soonest first",
            description = "The public sees listed events that are not drafts; organisers also their own drafts and "
                    + "unlisted events; staff all. `from`/`to` (ISO-8601 with offset) keep events that end at or "
                    + "after `from` and start before `to`. `projectId`/`planItemId` list the events linked to them.")
    public Page<EventView> search(@PathParam("code") String code, @Valid @BeanParam Filters filters,
                                  @Valid @BeanParam PageParams paging) {
        return search.search(code, filters.criteria(), paging);
    }

    @GET
    @Path("/municipalities/{code}/events.ics")
    @Produces(EventCalendar.MEDIA_TYPE)
    @Operation(operationId = "eventFeed", summary = "A subscribable iCalendar feed of the municipality's events (same filters as the search; public events only)")
    @APIResponse(responseCode = "200", description = "The calendar (RFC 5545)",
            content = @Content(mediaType = EventCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response feed(@PathParam("code") String code, @Valid @BeanParam Filters filters) {
        return calendar(feeds.feed(code, filters.criteria()), "events-" + code + ".ics");
    }

    @GET
    @Path("/municipalities/{code}/events.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "eventOpenData", summary = "Open data: 自治体標準オープンデータセット「イベント一覧」 (PUBLISHED and CLOSED listed events; UTF-8 with BOM)")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response openData(@PathParam("code") String code) {
        return Csv.download(feeds.openData(code), code + "_event.csv");
    }

    @POST
    @Path("/municipalities/{code}/events")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEvent", summary = "Create an event as a draft (members of the organising organisation; staff for a municipal event)")
    @APIResponse(responseCode = "201", description = "Created (DRAFT)",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response create(@PathParam("code") String code, @NotNull @Valid EventWrite write) {
        Event event = service.create(code, write);
        return Etags.created(URI.create("/api/v1/events/" + event.id), views.view(event), event.version);
    }

    @GET
    @Path("/events/{id}")
    @Operation(operationId = "getEvent", summary = "Get an event with its counts (drafts for organisers only; the online URL for registered people and organisers)")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response get(@PathParam("id") UUID id) {
        Event event = events.requireVisible(id);
        return Etags.ok(views.view(event), event.version);
    }

    @GET
    @Path("/events/{id}.ics")
    @Produces(EventCalendar.MEDIA_TYPE)
    @Operation(operationId = "getEventCalendar", summary = "The event as an iCalendar file, for \"add to calendar\"")
    @APIResponse(responseCode = "200", description = "The calendar (RFC 5545)",
            content = @Content(mediaType = EventCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response calendar(@PathParam("id") UUID id) {
        return calendar(feeds.ics(id), "event-" + id + ".ics");
    }

    @PUT
    @Path("/events/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateEvent", summary = "Replace an event's description (organisers; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid EventWrite write) {
        Event event = service.update(id, ifMatch, write);
        return Etags.ok(views.view(event), event.version);
    }

    @DELETE
    @Path("/events/{id}")
    @Authenticated
    @Operation(operationId = "deleteEvent", summary = "Delete a draft event (organisers; If-Match); a published one is cancelled instead")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/events/{id}/publication")
    @Authenticated
    @Operation(operationId = "publishEvent", summary = "Publish a draft event (organisers)")
    @APIResponse(responseCode = "200", description = "Now PUBLISHED",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response publish(@PathParam("id") UUID id) {
        Event event = service.publish(id);
        return Etags.ok(views.view(event), event.version);
    }

    @POST
    @Path("/events/{id}/cancellation")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelEvent", summary = "Cancel a published event with a reason (organisers); every registrant is notified")
    @APIResponse(responseCode = "200", description = "Now CANCELLED",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response cancel(@PathParam("id") UUID id, @NotNull @Valid CancellationWrite write) {
        Event event = service.cancel(id, write);
        return Etags.ok(views.view(event), event.version);
    }

    @POST
    @Path("/events/{id}/closure")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeEvent", summary = "Close an event that has started with its report (organisers)",
            description = "The attendee count defaults to the number checked in; walk-ins come on top.")
    @APIResponse(responseCode = "200", description = "Now CLOSED",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response close(@PathParam("id") UUID id, @NotNull @Valid ClosureWrite write) {
        Event event = service.close(id, write);
        return Etags.ok(views.view(event), event.version);
    }

    @GET
    @Path("/me/events-to-close")
    @Authenticated
    @Operation(operationId = "myEventsToClose", summary = "Events I organise that have ended but are not closed yet (staff: those of their municipality)")
    public Page<EventView> toClose(@Valid @BeanParam PageParams paging) {
        return search.toClose(paging);
    }

    private static Response calendar(String body, String fileName) {
        return Response.ok(EventCalendar.bytes(body), EventCalendar.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }

    /** The search filters, shared by the search and the feed. */
    public static class Filters {

        @QueryParam("q") @Size(max = 200) @Parameter(description = "Text to find")
        public String q;

        @QueryParam("kind") @Parameter(schema = @Schema(implementation = EventKind.class))
        public String kind;

        @QueryParam("theme") @Parameter(schema = @Schema(implementation = Theme.class))
        public String theme;

        @QueryParam("area") @Parameter(description = "Area id; matches its sub-areas too",
                schema = @Schema(type = SchemaType.STRING, format = "uuid"))
        public String area;

        @QueryParam("from") @Parameter(description = "Events ending at or after this instant",
                schema = @Schema(type = SchemaType.STRING, format = "date-time"))
        public String from;

        @QueryParam("to") @Parameter(description = "Events starting before this instant",
                schema = @Schema(type = SchemaType.STRING, format = "date-time"))
        public String to;

        @QueryParam("status") @Parameter(schema = @Schema(implementation = EventStatus.class))
        public String status;

        @QueryParam("organizationId") @Parameter(description = "Organised or co-organised by this organisation",
                schema = @Schema(type = SchemaType.STRING, format = "uuid"))
        public String organizationId;

        @QueryParam("projectId") @Parameter(description = "Linked to this project",
                schema = @Schema(type = SchemaType.STRING, format = "uuid"))
        public String projectId;

        @QueryParam("planItemId") @Parameter(description = "Linked to this plan item",
                schema = @Schema(type = SchemaType.STRING, format = "uuid"))
        public String planItemId;

        EventSearch.Criteria criteria() {
            return new EventSearch.Criteria(q, Params.enumValue("kind", EventKind.class, kind),
                    Params.enumValue("theme", Theme.class, theme), Params.uuid("area", area), instant("from", from),
                    instant("to", to), Params.enumValue("status", EventStatus.class, status),
                    Params.uuid("organizationId", organizationId), Params.uuid("projectId", projectId),
                    Params.uuid("planItemId", planItemId));
        }

        private static OffsetDateTime instant(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw jp.kyoso.core.problem.Problems.invalidField(field, jp.kyoso.core.i18n.Label.of(
                        "オフセット付きの ISO-8601 日時を指定してください（例: 2026-04-01T00:00:00+09:00）",
                        "Must be an ISO-8601 date-time with an offset, e.g. 2026-04-01T00:00:00+09:00"));
            }
        }
    }
}
