package jp.kyoso.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class MessageDtos {

    private MessageDtos() {
    }

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 4000;

    /**
     * No control characters (PostgreSQL cannot even store NUL); line breaks and tabs are fine
     * in a body. Anchored and in the regex subset Java and ECMAScript share, so the contract's
     * {@code pattern} means the same to any validator.
     */
    static final String LINE = "^[^\\x00-\\x1F\\x7F-\\x9F]*$";
    static final String TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*$";

    @Schema(name = "MessageWrite", description = "A message to an organisation, relayed by the platform")
    public record MessageWrite(
            @NotBlank @Size(max = MAX_SUBJECT) @Pattern(regexp = LINE, message = "{kyoso.text}") String subject,
            @NotBlank @Size(max = MAX_BODY) @Pattern(regexp = TEXT, message = "{kyoso.text}") String body) {
    }

    @Schema(name = "MessageReplyWrite", description = "A reply in a message's conversation")
    public record ReplyWrite(
            @NotBlank @Size(max = MAX_BODY) @Pattern(regexp = TEXT, message = "{kyoso.text}") String body) {
    }

    @Schema(name = "MessageReply", description = "One answer in a message's conversation")
    public record ReplyView(
            UUID id,
            @Schema(description = "True when the organisation answered; false for the sender's follow-up")
            boolean fromOrganization,
            @Schema(description = "Who wrote it: the sender's display name, or for the organisation's answers its "
                    + "name (members also see which member answered)") String authorName,
            @Schema(nullable = true, description = "Null once erased with the author's account") String body,
            OffsetDateTime createdAt) {
    }

    @Schema(name = "Message", description = "A message to an organisation with its conversation. The sender is "
            + "named by display name only; their e-mail address and phone number are never shown")
    public record MessageView(
            UUID id,
            UUID organizationId,
            String organizationName,
            String municipalityCode,
            String senderName,
            @Schema(description = "True when the caller sent it") boolean mine,
            @Schema(nullable = true, description = "Null once the sender deleted their account") String subject,
            @Schema(nullable = true, description = "Null once the sender deleted their account") String body,
            boolean erased,
            OffsetDateTime createdAt,
            OffsetDateTime lastActivityAt,
            List<ReplyView> replies) {
    }
}
