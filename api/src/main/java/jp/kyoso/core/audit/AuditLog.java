package jp.kyoso.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.security.Person;

/**
 * Records every change: who, when, what, and the state before and after. Called by the
 * services inside the transaction of the change itself, so a change and its record are
 * committed together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    @Inject EntityManager em;
    @Inject CurrentUser currentUser;
    @Inject ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String municipalityCode, String action, String entityType, Object entityId,
                       Object before, Object after) {
        Person actor = currentUser.get().orElse(null);
        em.createNativeQuery("""
                        insert into audit_entry (municipality_code, actor_id, actor_name, action, entity_type,
                                                 entity_id, before_state, after_state)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), cast(?8 as jsonb))""")
                .setParameter(1, municipalityCode)
                .setParameter(2, actor == null ? null : actor.id())
                .setParameter(3, actor == null ? "system" : actor.displayName())
                .setParameter(4, action)
                .setParameter(5, entityType)
                .setParameter(6, String.valueOf(entityId))
                .setParameter(7, toJson(before))
                .setParameter(8, toJson(after))
                .executeUpdate();
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
