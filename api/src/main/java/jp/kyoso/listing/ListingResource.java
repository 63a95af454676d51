package jp.kyoso.listing;

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
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.core.web.Params;
import jp.kyoso.listing.ListingDtos.ListingView;
import jp.kyoso.listing.ListingDtos.ListingWrite;
import jp.kyoso.listing.ListingService.StatusChange;
import jp.kyoso.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Listings", description = "有る・無い (haves and needs)")
public class ListingResource {

    @Inject ListingService listings;
    @Inject ListingSearch search;

    @GET
    @Path("/municipalities/{code}/listings")
    @Operation(operationId = "searchListings", summary = "Search a municipality's haves and needs",
            description = "The public sees OPEN listings of ACTIVE organisations; staff of the municipality see "
                    + "every status. `q` is Japanese text search without word spaces, tolerant of width and script "
                    + "(全角/半角, ＮＰＯ/NPO, カタカナ/ひらがな). Newest first.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "401", description = "A status other than OPEN was asked for without signing in")
    @APIResponse(responseCode = "403", description = "A status other than OPEN is for staff of the municipality only")
    public Page<ListingView> search(
            @PathParam("code") String code,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text to find in title and description") String q,
            @QueryParam("kind") @Parameter(schema = @Schema(implementation = ListingKind.class)) String kind,
            @QueryParam("category") @Parameter(schema = @Schema(implementation = ListingCategory.class)) String category,
            @QueryParam("theme") @Parameter(schema = @Schema(implementation = Theme.class)) String theme,
            @QueryParam("area") @Parameter(description = "Area id; matches its sub-areas too",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String area,
            @QueryParam("status") @Parameter(description = "Staff only for statuses other than OPEN",
                    schema = @Schema(implementation = ListingStatus.class)) String status,
            @Valid @BeanParam PageParams paging) {
        return search.search(code, new ListingSearch.Criteria(q,
                Params.enumValue("kind", ListingKind.class, kind),
                Params.enumValue("category", ListingCategory.class, category),
                Params.enumValue("theme", Theme.class, theme),
                Params.uuid("area", area),
                Params.enumValue("status", ListingStatus.class, status)), paging);
    }

    @GET
    @Path("/organizations/{id}/listings")
    @Operation(operationId = "listOrganizationListings", summary = "An organisation's haves and needs (every status for its members and staff)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "401", description = "A status other than OPEN was asked for without signing in")
    @APIResponse(responseCode = "403", description = "A status other than OPEN is for the organisation's members and staff only")
    public Page<ListingView> ofOrganization(
            @PathParam("id") UUID id,
            @QueryParam("kind") @Parameter(schema = @Schema(implementation = ListingKind.class)) String kind,
            @QueryParam("status") @Parameter(description = "Members and staff only for statuses other than OPEN",
                    schema = @Schema(implementation = ListingStatus.class)) String status,
            @Valid @BeanParam PageParams paging) {
        return listings.ofOrganization(id, Params.enumValue("kind", ListingKind.class, kind),
                Params.enumValue("status", ListingStatus.class, status), paging);
    }

    @POST
    @Path("/organizations/{id}/listings")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postListing", summary = "Post a have or need for an organisation (its members and staff)")
    @APIResponse(responseCode = "201", description = "Created (status OPEN)",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response create(@PathParam("id") UUID id, @NotNull @Valid ListingWrite write) {
        Listing listing = listings.create(id, write);
        return Etags.created(URI.create("/api/v1/listings/" + listing.id), listings.view(listing), listing.version);
    }

    @GET
    @Path("/listings/{id}")
    @Operation(operationId = "getListing", summary = "Get a have or need (contact details for members, staff and accepted match partners only)")
    @APIResponse(responseCode = "200", description = "The listing",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response get(@PathParam("id") UUID id) {
        Listing listing = listings.requireVisible(id);
        return Etags.ok(listings.view(listing), listing.version);
    }

    @PUT
    @Path("/listings/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateListing", summary = "Replace a have or need (members and staff; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ListingWrite write) {
        Listing listing = listings.update(id, ifMatch, write);
        return Etags.ok(listings.view(listing), listing.version);
    }

    @DELETE
    @Path("/listings/{id}")
    @Authenticated
    @Operation(operationId = "deleteListing", summary = "Delete a have or need without proposed or accepted matches (members and staff)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        listings.delete(id, ifMatch);
    }

    @POST
    @Path("/listings/{id}/closure")
    @Authenticated
    @Operation(operationId = "closeListing", summary = "Close a have or need (members and staff); it leaves search and suggestions")
    @APIResponse(responseCode = "200", description = "Now CLOSED",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response close(@PathParam("id") UUID id) {
        Listing listing = listings.changeStatus(id, StatusChange.CLOSE);
        return Etags.ok(listings.view(listing), listing.version);
    }

    @POST
    @Path("/listings/{id}/reopening")
    @Authenticated
    @Operation(operationId = "reopenListing", summary = "Reopen a closed have or need whose window has not ended (members and staff)")
    @APIResponse(responseCode = "200", description = "OPEN again (MATCHED if nothing is left)",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    public Response reopen(@PathParam("id") UUID id) {
        Listing listing = listings.changeStatus(id, StatusChange.REOPEN);
        return Etags.ok(listings.view(listing), listing.version);
    }
}
