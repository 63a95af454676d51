package jp.kyoso.notification;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import jp.kyoso.core.web.Params;
import jp.kyoso.notification.NotificationDtos.NotificationView;
import jp.kyoso.notification.NotificationDtos.UnreadCount;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Notifications", description = "お知らせ (the signed-in user's inbox)")
public class NotificationResource {

    @Inject Notifications notifications;

    @GET
    @Path("/me/notifications")
    @Operation(operationId = "listMyNotifications", summary = "The signed-in user's notifications, newest first",
            description = "Proposals received, matches accepted or declined, strong suggestions for the user's "
                    + "needs, project invitations. `read=false` lists the unread ones.")
    public Page<NotificationView> list(
            @QueryParam("read") @Parameter(description = "true: only read ones; false: only unread ones",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String read,
            @Valid @BeanParam PageParams paging) {
        return notifications.mine(Params.bool("read", read), paging);
    }

    @GET
    @Path("/me/notifications/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many notifications the signed-in user has not read")
    public UnreadCount unread() {
        return new UnreadCount(notifications.unreadCount());
    }

    @POST
    @Path("/me/notifications/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read")
    @APIResponse(responseCode = "200", description = "Now read",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    public Response markRead(@PathParam("id") UUID id) {
        return Response.ok(notifications.mark(id, true)).build();
    }

    @DELETE
    @Path("/me/notifications/{id}/read")
    @Operation(operationId = "markNotificationUnread", summary = "Mark a notification unread again")
    @APIResponse(responseCode = "200", description = "Now unread",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    public Response markUnread(@PathParam("id") UUID id) {
        return Response.ok(notifications.mark(id, false)).build();
    }

    @POST
    @Path("/me/notifications/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark every notification of the signed-in user read")
    @APIResponse(responseCode = "200", description = "What is left unread (0)",
            content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    public Response markAllRead() {
        notifications.markAllRead();
        return Response.ok(new UnreadCount(notifications.unreadCount())).build();
    }
}
