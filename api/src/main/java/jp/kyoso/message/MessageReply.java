package jp.kyoso.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One answer in a message's conversation: from the organisation, or a follow-up by the sender. */
@Entity
@Table(name = "organization_message_reply")
public class MessageReply extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "from_organization")
    public boolean fromOrganization;

    public String body;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
