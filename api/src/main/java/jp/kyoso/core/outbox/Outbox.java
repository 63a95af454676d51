package jp.kyoso.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: {@link #enqueue} writes a message in the caller's transaction, so it
 * exists exactly when the change that causes it is committed; {@link OutboxDispatcher} delivers it
 * through the {@link OutboxChannel} of that name. A dedupe key already enqueued is a no-op (each
 * mail goes out once per recipient, each webhook event once per endpoint).
 */
@ApplicationScoped
public class Outbox {

    @Inject EntityManager em;
    @Inject ObjectMapper json;

    /** Enqueues a message, due at {@code notBefore} (null: now); false when the key was enqueued before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String channel, String dedupeKey, Object payloadOrJson, Instant notBefore) {
        return enqueue(channel, dedupeKey, payloadOrJson, notBefore, null, null);
    }

    /** As above, with the municipality and reference (a recipient, an endpoint id) the delivery logs filter on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String channel, String dedupeKey, Object payloadOrJson, Instant notBefore,
                           String municipalityCode, String reference) {
        String payload = payloadOrJson instanceof String s ? s : write(payloadOrJson);
        return em.createNativeQuery("""
                        insert into outbox_message (id, channel, dedupe_key, payload, municipality_code, reference,
                                                    next_attempt_at)
                        values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6, ?7)
                        on conflict (dedupe_key) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, channel)
                .setParameter(3, dedupeKey)
                .setParameter(4, payload)
                .setParameter(5, municipalityCode)
                .setParameter(6, reference)
                .setParameter(7, OffsetDateTime.ofInstant(notBefore == null ? Instant.now() : notBefore, ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    /** Whether a message with this key was ever enqueued (for jobs that enqueue once per period). */
    public boolean exists(String dedupeKey) {
        return !em.createNativeQuery("select 1 from outbox_message where dedupe_key = ?1")
                .setParameter(1, dedupeKey).getResultList().isEmpty();
    }

    /**
     * A delivery log, newest first: the messages of a channel, optionally only those of a
     * municipality, a reference and a status (null: any).
     */
    public Page<OutboxEntry> log(String channel, String municipalityCode, String reference, OutboxStatus status,
                                 PageParams paging) {
        StringBuilder where = new StringBuilder(" where channel = ?1");
        List<Object> params = new ArrayList<>(List.of(channel));
        if (municipalityCode != null) {
            params.add(municipalityCode);
            where.append(" and municipality_code = ?").append(params.size());
        }
        if (reference != null) {
            params.add(reference);
            where.append(" and reference = ?").append(params.size());
        }
        if (status != null) {
            params.add(status.name());
            where.append(" and status = ?").append(params.size());
        }
        var count = em.createNativeQuery("select count(*) from outbox_message" + where);
        var rows = em.createNativeQuery("""
                select id, channel, dedupe_key, municipality_code, reference, status, attempts, last_error,
                       created_at, next_attempt_at, sent_at, payload::text from outbox_message""" + where
                + " order by created_at desc, id limit " + paging.size + " offset " + paging.offset());
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            rows.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<OutboxEntry> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new OutboxEntry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    OutboxStatus.valueOf((String) r[5]), ((Number) r[6]).intValue(), (String) r[7], time(r[8]),
                    time(r[9]), time(r[10]), (String) r[11]));
        }
        return Page.of(items, paging, total);
    }

    private static OffsetDateTime time(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime t -> t;
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            case java.sql.Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("Unexpected time " + value.getClass());
        };
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An outbox payload must be JSON-serialisable", e);
        }
    }
}
