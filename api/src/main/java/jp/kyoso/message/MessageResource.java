package jp.kyoso.message;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.message.MessageDtos.MessageView;
import jp.kyoso.message.MessageDtos.MessageWrite;
import jp.kyoso.message.MessageDtos.ReplyWrite;
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
@Tag(name = "Messages", description = "団体へのメッセージ (contact through the platform instead of an address)")
public class MessageResource {

    @Inject MessageService messages;

    @POST
    @Path("/organizations/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendMessage", summary = "Send a message to an active organisation",
            description = "The organisation's members (and staff of its municipality) read it and answer; they see "
                    + "the sender's display name only, never their e-mail address or phone number.")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    public Response send(@PathParam("id") UUID id, @NotNull @Valid MessageWrite write) {
        MessageView m = messages.send(id, write);
        return Response.created(URI.create("/api/v1/organizations/" + id + "/messages/" + m.id())).entity(m).build();
    }

    @GET
    @Path("/organizations/{id}/messages")
    @Operation(operationId = "listOrganizationMessages", summary = "The organisation's received messages, most recently active first "
            + "(members, staff of the municipality, admins)")
    public Page<MessageView> inbox(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        return messages.inbox(id, paging);
    }

    @GET
    @Path("/organizations/{id}/messages/{messageId}")
    @Operation(operationId = "getMessage", summary = "One message with its conversation (its sender, members, staff of the municipality)")
    public MessageView thread(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        return messages.thread(id, messageId);
    }

    @POST
    @Path("/organizations/{id}/messages/{messageId}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replyToMessage", summary = "Answer a message (members and staff) or follow it up (its sender)",
            description = "An answer from the organisation notifies the sender; a follow-up notifies the members.")
    @APIResponse(responseCode = "201", description = "The conversation with the new reply",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    public Response reply(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
                          @NotNull @Valid ReplyWrite write) {
        MessageView m = messages.reply(id, messageId, write);
        return Response.created(URI.create("/api/v1/organizations/" + id + "/messages/" + messageId))
                .entity(m).build();
    }

    @GET
    @Path("/me/messages")
    @Operation(operationId = "listMyMessages", summary = "The messages the signed-in user sent to organisations, with their answers")
    public Page<MessageView> mine(@Valid @BeanParam PageParams paging) {
        return messages.mine(paging);
    }
}
