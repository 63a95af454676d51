package jp.kyoso.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.outbox.Outbox;
import jp.kyoso.core.outbox.OutboxEntry;
import jp.kyoso.core.outbox.OutboxStatus;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.web.Params;
import jp.kyoso.municipality.Municipalities;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mails of a municipality and where their delivery stands, for its staff. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mail deliveries", description = "メール配信の状況")
public class MailDeliveryResource {

    @Inject Access access;
    @Inject Municipalities municipalities;
    @Inject Outbox outbox;
    @Inject ObjectMapper json;

    @GET
    @Path("/municipalities/{code}/mail-deliveries")
    @Authenticated
    @Operation(operationId = "listMailDeliveries",
            summary = "List the municipality's mails, newest first, with status, attempts and last error (staff)")
    public Page<MailDeliveryView> list(@PathParam("code") String code, @QueryParam("status") String status,
                                       @Valid @BeanParam PageParams paging) {
        municipalities.require(code);
        access.requireStaff(code);
        return outbox.log(MailChannel.NAME, code, null,
                Params.enumValue("status", OutboxStatus.class, status), paging).map(this::view);
    }

    private MailDeliveryView view(OutboxEntry e) {
        String subject;
        try {
            subject = json.readValue(e.payload(), MailMessage.class).subject();
        } catch (JsonProcessingException ex) {
            subject = "";
        }
        return new MailDeliveryView(e.id(), mask(e.reference()), subject, e.status(), e.attempts(), e.lastError(),
                e.createdAt(), e.nextAttemptAt(), e.sentAt());
    }

    static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        return at <= 1 ? "*" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }
}
