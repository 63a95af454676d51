package jp.kyoso.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.web.Etags;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way a feature changes or deletes versioned data that people edit: If-Match checked
 * under a row lock (428 without, 412 when someone else saved first), the change applied and
 * stamped, flushed so that the version — the new ETag — has moved on, and the state before and
 * after recorded in the audit log. All of it in the caller's transaction, so the change and its
 * record are committed together or not at all.
 */
@ApplicationScoped
public class Changes {

    @Inject AuditLog audit;

    /** What the audit log names a change after: the municipality, the action, the entity. */
    public record Audited(String municipalityCode, String action, String entityType, Object entityId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> E update(E entity, String ifMatch, Audited audited,
                                                Function<? super E, ?> view, Consumer<? super E> change) {
        Etags.lockAndCheck(ifMatch, entity, entity.version);
        Object before = view.apply(entity);
        change.accept(entity);
        entity.touch();
        entity.persistAndFlush();
        audit.record(audited.municipalityCode(), audited.action(), audited.entityType(), audited.entityId(),
                before, view.apply(entity));
        return entity;
    }

    /**
     * Deletes (or marks deleted) after the same If-Match check; {@code deletion} may refuse with a
     * problem (409 while something still refers to it, say), which changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> void delete(E entity, String ifMatch, Audited audited,
                                                   Function<? super E, ?> view, Consumer<? super E> deletion) {
        Etags.lockAndCheck(ifMatch, entity, entity.version);
        Object before = view.apply(entity);
        deletion.accept(entity);
        audit.record(audited.municipalityCode(), audited.action(), audited.entityType(), audited.entityId(),
                before, null);
    }
}
