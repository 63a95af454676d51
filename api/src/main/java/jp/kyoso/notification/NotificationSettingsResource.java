package jp.kyoso.notification;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.web.Etags;
import jp.kyoso.notification.NotificationSettingsDtos.NotificationSettingsView;
import jp.kyoso.notification.NotificationSettingsDtos.NotificationSettingsWrite;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's mail settings (My page). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Notifications")
public class NotificationSettingsResource {

    @Inject NotificationSettings settings;

    @GET
    @Path("/me/notification-settings")
    @Operation(operationId = "getNotificationSettings",
            summary = "The caller's mail settings: per kind on or off and a frequency, language, digest hour")
    @APIResponse(responseCode = "200", description = "The settings; the ETag is their version",
            content = @Content(schema = @Schema(implementation = NotificationSettingsView.class)))
    public Response get() {
        NotificationSettings.Versioned v = settings.mine();
        return Etags.ok(v.view(), v.version());
    }

    @PUT
    @Path("/me/notification-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateNotificationSettings",
            summary = "Replace the caller's mail settings (send the ETag in If-Match; kinds left out keep theirs)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = NotificationSettingsView.class)))
    public Response update(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid NotificationSettingsWrite write) {
        NotificationSettings.Versioned v = settings.update(ifMatch, write);
        return Etags.ok(v.view(), v.version());
    }
}
