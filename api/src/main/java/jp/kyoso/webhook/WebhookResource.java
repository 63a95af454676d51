package jp.kyoso.webhook;

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
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.core.web.Params;
import jp.kyoso.webhook.WebhookDtos.DeliveryView;
import jp.kyoso.webhook.WebhookDtos.WebhookView;
import jp.kyoso.webhook.WebhookDtos.WebhookWithSecret;
import jp.kyoso.webhook.WebhookDtos.WebhookWrite;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Webhook endpoints of an organisation (its owners) and of a municipality (its staff): the same
 * seven operations under each owner. Deliveries are signed per Standard Webhooks
 * (docs/webhooks.md).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Webhooks", description = "Webhook（外部システムへのイベント通知）")
public class WebhookResource {

    @Inject WebhookService webhooks;
    @Inject WebhookOwners owners;

    // ---- organization webhooks ----

    @GET
    @Path("/organizations/{id}/webhooks")
    @Operation(operationId = "listOrganizationWebhooks", summary = "List the organization's webhook endpoints (owners of the organisation and staff)")
    public Page<WebhookView> listOrganization(@PathParam("id") UUID id) {
        return Page.all(webhooks.list(owners.organization(id)));
    }

    @POST
    @Path("/organizations/{id}/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrganizationWebhook", summary = "Register a webhook endpoint (owners of the organisation and staff); "
            + "the answer holds its signing secret, shown this once")
    @APIResponse(responseCode = "201", description = "Registered, with the secret",
            content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
    public Response createOrganization(@PathParam("id") UUID id, @NotNull @Valid WebhookWrite write) {
        WebhookWithSecret created = webhooks.create(owners.organization(id), write);
        return Etags.created(URI.create("/api/v1/organizations/" + id + "/webhooks/" + created.id()), created,
                created.version());
    }

    @GET
    @Path("/organizations/{id}/webhooks/{webhookId}")
    @Operation(operationId = "getOrganizationWebhook", summary = "Get a webhook endpoint, without its secret (owners of the organisation and staff)")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response getOrganization(@PathParam("id") UUID id, @PathParam("webhookId") UUID webhookId) {
        return ok(webhooks.get(owners.organization(id), webhookId));
    }

    @PUT
    @Path("/organizations/{id}/webhooks/{webhookId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOrganizationWebhook", summary = "Replace a webhook endpoint's URL, event types and "
            + "state (owners of the organisation and staff; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response updateOrganization(@PathParam("id") UUID id, @PathParam("webhookId") UUID webhookId,
                                 @HeaderParam("If-Match") String ifMatch, @NotNull @Valid WebhookWrite write) {
        return ok(webhooks.update(owners.organization(id), webhookId, ifMatch, write));
    }

    @DELETE
    @Path("/organizations/{id}/webhooks/{webhookId}")
    @Operation(operationId = "deleteOrganizationWebhook", summary = "Delete a webhook endpoint (owners of the organisation and staff; send the ETag in If-Match)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteOrganization(@PathParam("id") UUID id, @PathParam("webhookId") UUID webhookId,
                             @HeaderParam("If-Match") String ifMatch) {
        webhooks.delete(owners.organization(id), webhookId, ifMatch);
    }

    @POST
    @Path("/organizations/{id}/webhooks/{webhookId}/rotate-secret")
    @Operation(operationId = "rotateOrganizationWebhookSecret", summary = "Replace a webhook endpoint's signing secret "
            + "(owners of the organisation and staff); the old one keeps signing beside it for 24 hours")
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret, shown this once",
            content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
    public Response rotateOrganization(@PathParam("id") UUID id, @PathParam("webhookId") UUID webhookId) {
        WebhookWithSecret rotated = webhooks.rotate(owners.organization(id), webhookId);
        return Etags.ok(rotated, rotated.version());
    }

    @GET
    @Path("/organizations/{id}/webhooks/{webhookId}/deliveries")
    @Operation(operationId = "listOrganizationWebhookDeliveries", summary = "The delivery log of a webhook endpoint, "
            + "newest first: status, attempts, last answer and error (owners of the organisation and staff)")
    public Page<DeliveryView> deliveriesOrganization(@PathParam("id") UUID id, @PathParam("webhookId") UUID webhookId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = DeliveryStatus.class)) String status,
            @Valid @BeanParam PageParams paging) {
        return webhooks.deliveries(owners.organization(id), webhookId, Params.enumValue("status", DeliveryStatus.class, status), paging);
    }

    // ---- municipality webhooks ----

    @GET
    @Path("/municipalities/{code}/webhooks")
    @Operation(operationId = "listMunicipalityWebhooks", summary = "List the municipality's webhook endpoints (staff of the municipality)")
    public Page<WebhookView> listMunicipality(@PathParam("code") String code) {
        return Page.all(webhooks.list(owners.municipality(code)));
    }

    @POST
    @Path("/municipalities/{code}/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMunicipalityWebhook", summary = "Register a webhook endpoint (staff of the municipality); "
            + "the answer holds its signing secret, shown this once")
    @APIResponse(responseCode = "201", description = "Registered, with the secret",
            content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
    public Response createMunicipality(@PathParam("code") String code, @NotNull @Valid WebhookWrite write) {
        WebhookWithSecret created = webhooks.create(owners.municipality(code), write);
        return Etags.created(URI.create("/api/v1/municipalities/" + code + "/webhooks/" + created.id()), created,
                created.version());
    }

    @GET
    @Path("/municipalities/{code}/webhooks/{webhookId}")
    @Operation(operationId = "getMunicipalityWebhook", summary = "Get a webhook endpoint, without its secret (staff of the municipality)")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response getMunicipality(@PathParam("code") String code, @PathParam("webhookId") UUID webhookId) {
        return ok(webhooks.get(owners.municipality(code), webhookId));
    }

    @PUT
    @Path("/municipalities/{code}/webhooks/{webhookId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateMunicipalityWebhook", summary = "Replace a webhook endpoint's URL, event types and "
            + "state (staff of the municipality; send the ETag in If-Match)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response updateMunicipality(@PathParam("code") String code, @PathParam("webhookId") UUID webhookId,
                                 @HeaderParam("If-Match") String ifMatch, @NotNull @Valid WebhookWrite write) {
        return ok(webhooks.update(owners.municipality(code), webhookId, ifMatch, write));
    }

    @DELETE
    @Path("/municipalities/{code}/webhooks/{webhookId}")
    @Operation(operationId = "deleteMunicipalityWebhook", summary = "Delete a webhook endpoint (staff of the municipality; send the ETag in If-Match)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteMunicipality(@PathParam("code") String code, @PathParam("webhookId") UUID webhookId,
                             @HeaderParam("If-Match") String ifMatch) {
        webhooks.delete(owners.municipality(code), webhookId, ifMatch);
    }

    @POST
    @Path("/municipalities/{code}/webhooks/{webhookId}/rotate-secret")
    @Operation(operationId = "rotateMunicipalityWebhookSecret", summary = "Replace a webhook endpoint's signing secret "
            + "(staff of the municipality); the old one keeps signing beside it for 24 hours")
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret, shown this once",
            content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
    public Response rotateMunicipality(@PathParam("code") String code, @PathParam("webhookId") UUID webhookId) {
        WebhookWithSecret rotated = webhooks.rotate(owners.municipality(code), webhookId);
        return Etags.ok(rotated, rotated.version());
    }

    @GET
    @Path("/municipalities/{code}/webhooks/{webhookId}/deliveries")
    @Operation(operationId = "listMunicipalityWebhookDeliveries", summary = "The delivery log of a webhook endpoint, "
            + "newest first: status, attempts, last answer and error (staff of the municipality)")
    public Page<DeliveryView> deliveriesMunicipality(@PathParam("code") String code, @PathParam("webhookId") UUID webhookId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = DeliveryStatus.class)) String status,
            @Valid @BeanParam PageParams paging) {
        return webhooks.deliveries(owners.municipality(code), webhookId, Params.enumValue("status", DeliveryStatus.class, status), paging);
    }

    private static Response ok(Webhook webhook) {
        return Etags.ok(WebhookService.view(webhook), webhook.version);
    }
}
