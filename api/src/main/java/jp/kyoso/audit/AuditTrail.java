package jp.kyoso.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reading the audit log that {@link jp.kyoso.core.audit.AuditLog} writes. */
@ApplicationScoped
public class AuditTrail {

    @Inject EntityManager em;
    @Inject ObjectMapper json;

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
}
