package org.huyou.security;

import static org.huyou.db.generated.Tables.AUDIT_LOG;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Inserts and reads audit rows. There is deliberately no update or delete here: the log is append-only. */
public final class AuditRepository {

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(AuditEntry e) {
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.AT, e.at()).set(AUDIT_LOG.USERNAME, e.username()).set(AUDIT_LOG.ACTION, e.action())
                .set(AUDIT_LOG.ENTITY, e.entity()).set(AUDIT_LOG.ENTITY_ID, e.entityId())
                .set(AUDIT_LOG.SUMMARY, e.summary()).set(AUDIT_LOG.CHANGES, e.changes())
                .execute();
    }

    public List<AuditEntry> find(AuditFilter f, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        forEach(f, limit, out::add);
        return out;
    }

    /** Newest first, streamed, so an export of years of log never holds it all. */
    public void forEach(AuditFilter f, int limit, Consumer<AuditEntry> sink) {
        try (var cursor = dsl.selectFrom(AUDIT_LOG).where(condition(f)).orderBy(AUDIT_LOG.ID.desc()).limit(limit)
                .fetchSize(500).fetchLazy()) {
            cursor.forEach(r -> sink.accept(new AuditEntry(r.getId(), r.getAt(), r.getUsername(), r.getAction(),
                    r.getEntity(), r.getEntityId(), r.getSummary(), r.getChanges())));
        }
    }

    public int count(AuditFilter f) {
        return dsl.fetchCount(AUDIT_LOG, condition(f));
    }

    private static Condition condition(AuditFilter f) {
        List<Condition> c = new ArrayList<>();
        if (f.username() != null && !f.username().isBlank()) {
            c.add(AUDIT_LOG.USERNAME.eq(f.username().strip()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            c.add(AUDIT_LOG.ACTION.eq(f.action()));
        }
        if (f.entity() != null && !f.entity().isBlank()) {
            c.add(AUDIT_LOG.ENTITY.eq(f.entity()));
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            c.add(AUDIT_LOG.ENTITY_ID.eq(f.entityId().strip()));
        }
        if (f.from() != null) {
            c.add(AUDIT_LOG.AT.ge(f.from().atStartOfDay()));
        }
        if (f.to() != null) {
            c.add(AUDIT_LOG.AT.lt(f.to().plusDays(1).atStartOfDay()));
        }
        return DSL.and(c);
    }
}
