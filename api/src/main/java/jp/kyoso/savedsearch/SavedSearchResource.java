package jp.kyoso.savedsearch;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.savedsearch.SavedSearchDtos.SavedSearchView;
import jp.kyoso.savedsearch.SavedSearchDtos.SavedSearchWrite;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Saved searches", description = "保存した検索 (saved searches and their alerts)")
public class SavedSearchResource {

    @Inject SavedSearchService savedSearches;

    @GET
    @Path("/me/saved-searches")
    @Operation(operationId = "listMySavedSearches", summary = "The signed-in person's saved searches, newest first")
    public Page<SavedSearchView> mine(@Valid @BeanParam PageParams paging) {
        return savedSearches.mine(paging);
    }

    @POST
    @Path("/me/saved-searches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveSearch", summary = "Save a listing or event search; new matching items are announced in the inbox",
            description = "The criteria are those of searchListings (kind HAVE or NEED, category, theme, area, q) or "
                    + "searchEvents (kind, theme, area, q), in one municipality. Each new public item that matches "
                    + "(a listing when it is posted, an event when it is published) gives one notification "
                    + "SAVED_SEARCH_MATCH, never for the person's own organisations' items. At most 50 per person.")
    @APIResponse(responseCode = "201", description = "Saved",
            content = @Content(schema = @Schema(implementation = SavedSearchView.class)))
    public Response save(@NotNull @Valid SavedSearchWrite write) {
        SavedSearch saved = savedSearches.save(write);
        return Response.created(URI.create("/api/v1/me/saved-searches/" + saved.id))
                .entity(savedSearches.view(saved)).build();
    }

    @DELETE
    @Path("/me/saved-searches/{id}")
    @Operation(operationId = "deleteSavedSearch", summary = "Delete one of the signed-in person's saved searches (never edited, so no If-Match)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        savedSearches.delete(id);
    }
}
