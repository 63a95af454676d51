package jp.kyoso.matching;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import jp.kyoso.matching.MatchDtos.MatchProposal;
import jp.kyoso.matching.MatchDtos.MatchResponse;
import jp.kyoso.matching.MatchDtos.MatchView;
import jp.kyoso.matching.MatchDtos.SuggestionView;
import jp.kyoso.matching.MatchLifecycle.Step;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matching", description = "有る・無いのマッチング (matching haves and needs)")
public class MatchResource {

    @Inject MatchSuggestions matching;
    @Inject MatchLifecycle matches;

    @GET
    @Path("/listings/{id}/matches")
    @Operation(operationId = "suggestMatches", summary = "Ranked counterpart suggestions for a have or need, with score and reasons",
            description = "A NEED gets HAVEs and a HAVE gets NEEDs: of the same municipality, OPEN, with an "
                    + "overlapping availability window, of other ACTIVE organisations. Ranked by a score in [0, 1] "
                    + "(ties by id), each with reasons as codes and labels in the request language. Public for an "
                    + "OPEN listing of an ACTIVE organisation; never with contact details. A listing that is not "
                    + "OPEN has no suggestions. `total` counts every counterpart that scored at least 0.3.")
    public Page<SuggestionView> suggestions(
            @PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(MatchSuggestions.MAX_LIMIT)
            @Parameter(description = "How many suggestions, 1 to 50") int limit) {
        return matching.suggestions(id, limit);
    }

    @POST
    @Path("/matches")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "proposeMatch", summary = "Propose a match between a need and a have (a member of either side)")
    @APIResponse(responseCode = "201", description = "Proposed; the other side is notified",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response propose(@NotNull @Valid MatchProposal proposal) {
        Match match = matches.propose(proposal);
        return Etags.created(URI.create("/api/v1/matches/" + match.id), matches.view(match), match.version);
    }

    @GET
    @Path("/matches/{id}")
    @Authenticated
    @Operation(operationId = "getMatch", summary = "Get a match (members of either side and staff; contacts once accepted)")
    @APIResponse(responseCode = "200", description = "The match",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response get(@PathParam("id") UUID id) {
        Match match = matches.requireReadable(id);
        return Etags.ok(matches.view(match), match.version);
    }

    @POST
    @Path("/matches/{id}/acceptance")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptMatch", summary = "Accept a proposed match (the side that received it); both sides then see each other's contacts")
    @APIResponse(responseCode = "200", description = "Now ACCEPTED; quantities taken from both listings",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response accept(@PathParam("id") UUID id, @Valid MatchResponse response) {
        return stepped(matches.step(id, Step.ACCEPT, response == null ? null : response.note()));
    }

    @POST
    @Path("/matches/{id}/declination")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declineMatch", summary = "Decline a proposed match (the side that received it)")
    @APIResponse(responseCode = "200", description = "Now DECLINED",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response decline(@PathParam("id") UUID id, @Valid MatchResponse response) {
        return stepped(matches.step(id, Step.DECLINE, response == null ? null : response.note()));
    }

    @POST
    @Path("/matches/{id}/withdrawal")
    @Authenticated
    @Operation(operationId = "withdrawMatch", summary = "Withdraw a proposed match (the proposing side)")
    @APIResponse(responseCode = "200", description = "Now WITHDRAWN",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response withdraw(@PathParam("id") UUID id) {
        return stepped(matches.step(id, Step.WITHDRAW, null));
    }

    @POST
    @Path("/matches/{id}/fulfilment")
    @Authenticated
    @Operation(operationId = "fulfilMatch", summary = "Mark an accepted match fulfilled (either side)")
    @APIResponse(responseCode = "200", description = "Now FULFILLED",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response fulfil(@PathParam("id") UUID id) {
        return stepped(matches.step(id, Step.FULFIL, null));
    }

    @GET
    @Path("/organizations/{id}/matches")
    @Authenticated
    @Operation(operationId = "listOrganizationMatches", summary = "An organisation's matches, newest activity first (its members and staff)")
    public Page<MatchView> ofOrganization(
            @PathParam("id") UUID id,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = MatchStatus.class)) String status,
            @Valid @BeanParam PageParams paging) {
        return matches.ofOrganization(id, Params.enumValue("status", MatchStatus.class, status), paging);
    }

    private Response stepped(Match match) {
        return Etags.ok(matches.view(match), match.version);
    }
}
