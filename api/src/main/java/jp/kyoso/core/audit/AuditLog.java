package jp.kyoso.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.security.UserAccount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records every change: who, when, what, and the state before and after. Called by the
 * services inside the transaction of the change itself, so a change and its record are
 * committed together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String municipalityCode, String action, String entityType, Object entityId,
                       Object before, Object after) {
        UserAccount actor = currentUser.get().orElse(null);
        em.createNativeQuery("""
                        insert into audit_entry (municipality_code, actor_id, actor_name, action, entity_type,
                                                 entity_id, before_state, after_state)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), cast(?8 as jsonb))""")
                .setParameter(1, municipalityCode)
                .setParameter(2, actor == null ? null : actor.id)
                .setParameter(3, actor == null ? "system" : actor.displayName)
                .setParameter(4, action)
                .setParameter(5, entityType)
                .setParameter(6, String.valueOf(entityId))
                .setParameter(7, toJson(before))
                .setParameter(8, toJson(after))
                .executeUpdate();
    }

    /** The municipality's recorded changes, newest first, optionally of one entity. */
    public Page<AuditEntryView> list(String code, String entityType, String entityId, PageParams paging) {
        String where = " where municipality_code = ?1 and (cast(?2 as text) is null or entity_type = ?2)"
                + " and (cast(?3 as text) is null or entity_id = ?3)";
        long total = ((Number) em.createNativeQuery("select count(*) from audit_entry" + where)
                .setParameter(1, code).setParameter(2, entityType).setParameter(3, entityId)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, municipality_code, actor_id, actor_name, occurred_at, action, entity_type,
                               entity_id, cast(before_state as text), cast(after_state as text)
                        from audit_entry""" + where + " order by occurred_at desc, id limit ?4 offset ?5")
                .setParameter(1, code).setParameter(2, entityType).setParameter(3, entityId)
                .setParameter(4, paging.size).setParameter(5, paging.offset())
                .getResultList();
        List<AuditEntryView> items = rows.stream().map(r -> new AuditEntryView((UUID) r[0], ((String) r[1]).trim(),
                (UUID) r[2], (String) r[3], toOffset(r[4]), (String) r[5], (String) r[6], (String) r[7],
                parse((String) r[8]), parse((String) r[9]))).toList();
        return Page.of(items, paging, total);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A state is a JSON object, as the contract declares: a list (the rows of a bulk write) is kept under "items". */
    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            JsonNode node = json.valueToTree(state);
            if (!node.isObject()) {
                node = json.createObjectNode().set("items", node);
            }
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state is not serialisable", e);
        }
    }
}
