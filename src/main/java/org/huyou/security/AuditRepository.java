package org.huyou.security;

import static org.huyou.db.generated.Tables.AUDIT_HEAD;
import static org.huyou.db.generated.Tables.AUDIT_LOG;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.huyou.db.generated.Tables;
import org.huyou.db.generated.tables.records.AuditLogRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Inserts and reads audit rows. There is deliberately no update or delete here: the log is append-only, each row
 * chained to the one before (seq, prev_hash, hash; see {@link AuditHash}). The one exception is the seal: the rows
 * written before the chain existed get their place in it once, by the first append after migration 19.
 */
public final class AuditRepository {

    /** One chained row, as {@link #insertAll} binds it. */
    private static final String INSERT_CHAINED = "INSERT INTO audit_log (at, username, action, entity, entity_id, "
            + "summary, summary_key, changes, seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The chain's head. {@code legacyMaxId}: the last row written before the chain; {@code sealed}: chained. */
    public record Head(long lastSeq, String lastHash, long legacyMaxId, boolean sealed) {}

    /** A row with its place in the chain. */
    public record Chained(long seq, AuditEntry entry, String prevHash, String hash) {}

    public Head head() {
        return dsl.selectFrom(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1))
                .fetchOne(r -> new Head(r.getLastSeq(), r.getLastHash(), r.getLegacyMaxId(), r.getSealed()));
    }

    /**
     * The entry as it is stored, without an id and with its time kept to the microsecond (what both databases store),
     * so that what is read back hashes as it was written.
     */
    private static AuditEntry kept(AuditEntry e) {
        return new AuditEntry(
                null,
                e.at().truncatedTo(ChronoUnit.MICROS),
                e.username(),
                e.action(),
                e.entity(),
                e.entityId(),
                e.summary(),
                e.changes(),
                e.summaryKey());
    }

    /**
     * Appends a row at the end of the chain. The head is locked until the transaction ends (the caller's, or its
     * own when there is none), so appends from every PC take their places one at a time. Times are kept to the
     * microsecond, what both databases store, so that what is read back hashes as it was written.
     */
    public void insert(AuditEntry e) {
        AuditEntry kept = kept(e);
        dsl.transaction(() -> {
            Head head = lockedHead();
            long seq = head.lastSeq() + 1;
            String hash = new AuditHash().of(seq, kept, head.lastHash());
            dsl.insertInto(AUDIT_LOG)
                    .set(AUDIT_LOG.AT, kept.at())
                    .set(AUDIT_LOG.USERNAME, kept.username())
                    .set(AUDIT_LOG.ACTION, kept.action())
                    .set(AUDIT_LOG.ENTITY, kept.entity())
                    .set(AUDIT_LOG.ENTITY_ID, kept.entityId())
                    .set(AUDIT_LOG.SUMMARY, kept.summary())
                    .set(AUDIT_LOG.SUMMARY_KEY, kept.summaryKey())
                    .set(AUDIT_LOG.CHANGES, kept.changes())
                    .set(AUDIT_LOG.SEQ, seq)
                    .set(AUDIT_LOG.PREV_HASH, head.lastHash())
                    .set(AUDIT_LOG.HASH, hash)
                    .execute();
            dsl.update(AUDIT_HEAD)
                    .set(AUDIT_HEAD.LAST_SEQ, seq)
                    .set(AUDIT_HEAD.LAST_HASH, hash)
                    .where(AUDIT_HEAD.ID.eq(1))
                    .execute();
        });
    }

    /**
     * The chain's head, sealed (an import in chunks records where the chain stood before it, see
     * {@link #dropUnfinishedImport}).
     */
    public Head sealedHead() {
        return dsl.transactionResult(() -> lockedHead());
    }

    /**
     * Takes the chain back to {@code seq} with its {@code hash}, removing the rows after it: only for an import cut
     * off mid-way, whose chunks were committed while it held the database exclusively (nobody else wrote, nobody saw
     * them), so the rows after {@code seq} are its own and were never part of a visible log. Not a deletion of
     * records: the import never happened; one row written after says it was rolled back. Returns the rows removed.
     */
    public int dropUnfinishedImport(long seq, String hash, String importer) {
        return dsl.connectionResult(c -> {
            // Only the import's own rows: its user's, of residents and living groups. Anything else after that point
            // (a row written at a start before the import was undone) keeps the whole tail, which then stays as it
            // is, chained, with the row saying the import was taken back.
            try (PreparedStatement ps = c.prepareStatement(OTHERS_AFTER)) {
                ps.setLong(1, seq);
                ps.setString(2, importer);
                try (var rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return 0;
                    }
                }
            }
            int removed;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE seq > ?")) {
                ps.setLong(1, seq);
                removed = ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
            return removed;
        });
    }

    /** The rows after a point that an import of residents did not write. */
    private static final String OTHERS_AFTER = "SELECT COUNT(*) FROM audit_log WHERE seq > ? AND NOT (username = ? "
            + "AND entity IN ('resident', 'living_group') AND action IN ('CREATE', 'IMPORT'))";

    /** The chain's head, locked until the transaction ends; sealed first where it never was. */
    private Head lockedHead() {
        Head head = dsl.selectFrom(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1))
                .forUpdate()
                .fetchOne(r -> new Head(r.getLastSeq(), r.getLastHash(), r.getLegacyMaxId(), r.getSealed()));
        return head.sealed() ? head : seal(head);
    }

    /**
     * Appends many rows in their order as one batch, chained exactly as {@link #insert} chains them one by one: the
     * head is locked and read once, the hashes follow each other, and the head moves once (an import's thousands of
     * rows would otherwise cost three statements each).
     */
    public void insertAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        dsl.transaction(() -> {
            Head chained = lockedHead();
            String last = dsl.connectionResult(c -> appendChained(c, entries, chained.lastSeq(), chained.lastHash()));
            dsl.update(AUDIT_HEAD)
                    .set(AUDIT_HEAD.LAST_SEQ, chained.lastSeq() + entries.size())
                    .set(AUDIT_HEAD.LAST_HASH, last)
                    .where(AUDIT_HEAD.ID.eq(1))
                    .execute();
        });
    }

    /**
     * The rows as one JDBC batch, each chained to the one before from {@code seq}/{@code previous} on; returns the
     * last hash. Plain JDBC: jOOQ's binding was a third of this batch's time for an import's 5,000 rows.
     */
    private static String appendChained(Connection c, List<AuditEntry> entries, long seq, String previous)
            throws SQLException {
        AuditHash hasher = new AuditHash();
        try (PreparedStatement ps = c.prepareStatement(INSERT_CHAINED)) {
            for (AuditEntry e : entries) {
                AuditEntry kept = kept(e);
                seq++;
                String hash = hasher.of(seq, kept, previous);
                ps.setObject(1, kept.at());
                ps.setString(2, kept.username());
                ps.setString(3, kept.action());
                ps.setString(4, kept.entity());
                ps.setString(5, kept.entityId());
                ps.setString(6, kept.summary());
                ps.setString(7, kept.summaryKey());
                ps.setString(8, kept.changes());
                ps.setLong(9, seq);
                ps.setString(10, previous);
                ps.setString(11, hash);
                ps.addBatch();
                previous = hash;
            }
            ps.executeBatch();
        }
        return previous;
    }

    /** Chains the rows written before migration 19, in the order they were written; once. */
    private Head seal(Head head) {
        AuditHash hasher = new AuditHash();
        long seq = head.lastSeq();
        String previous = head.lastHash();
        List<AuditEntry> legacy = dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.SEQ.isNull())
                .and(AUDIT_LOG.ID.le(head.legacyMaxId()))
                .orderBy(AUDIT_LOG.ID)
                .fetch(AuditRepository::entry);
        for (AuditEntry e : legacy) {
            seq++;
            String hash = hasher.of(seq, e, previous);
            dsl.update(AUDIT_LOG)
                    .set(AUDIT_LOG.SEQ, seq)
                    .set(AUDIT_LOG.PREV_HASH, previous)
                    .set(AUDIT_LOG.HASH, hash)
                    .where(AUDIT_LOG.ID.eq(e.id()))
                    .execute();
            previous = hash;
        }
        dsl.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.LAST_SEQ, seq)
                .set(AUDIT_HEAD.LAST_HASH, previous)
                .set(AUDIT_HEAD.SEALED, true)
                .where(AUDIT_HEAD.ID.eq(1))
                .execute();
        return new Head(seq, previous, head.legacyMaxId(), true);
    }

    /** The chained rows from {@code fromSeq} on, in chain order, streamed a page at a time. */
    public void forEachInChain(long fromSeq, Consumer<Chained> sink) {
        try (var cursor = dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.SEQ.ge(fromSeq))
                .orderBy(AUDIT_LOG.SEQ)
                .fetchSize(2_000)
                .fetchLazy()) {
            cursor.forEach(r -> sink.accept(new Chained(r.getSeq(), entry(r), r.getPrevHash(), r.getHash())));
        }
    }

    /**
     * The first row outside the chain that should be in it: with no place (seq NULL) although the chain was
     * sealed, or written after the chain began. Such a row was put in by hand.
     */
    public Optional<AuditEntry> firstUnchained(Head head) {
        Condition outside = AUDIT_LOG.SEQ.isNull();
        if (!head.sealed()) {
            outside = outside.and(AUDIT_LOG.ID.gt(head.legacyMaxId()));
        }
        return dsl.selectFrom(AUDIT_LOG)
                .where(outside)
                .orderBy(AUDIT_LOG.ID)
                .limit(1)
                .fetchOptional(AuditRepository::entry);
    }

    /** The newest row's id (0 for none): every row another copy of the home wrote later has a higher one. */
    public long maxId() {
        Long id = dsl.select(DSL.max(AUDIT_LOG.ID)).from(AUDIT_LOG).fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    /** The last place a verification found the chain whole up to (empty before the first). */
    public Optional<Head> checkpoint() {
        var c = Tables.CHAIN_CHECKPOINT;
        return dsl.select(c.LAST_SEQ, c.LAST_HASH)
                .from(c)
                .where(c.CHAIN.eq(CHECKPOINT))
                .fetchOptional(r -> new Head(r.value1(), r.value2(), 0, true));
    }

    /** Moves the checkpoint: a setting of the verifier's, not an audit row (no row is changed by it). */
    public void saveCheckpoint(long seq, String hash, LocalDateTime at) {
        var c = Tables.CHAIN_CHECKPOINT;
        dsl.mergeInto(c)
                .using(DSL.selectOne())
                .on(c.CHAIN.eq(CHECKPOINT))
                .whenMatchedThenUpdate()
                .set(c.LAST_SEQ, seq)
                .set(c.LAST_HASH, hash)
                .set(c.VERIFIED_AT, at)
                .whenNotMatchedThenInsert(c.CHAIN, c.LAST_SEQ, c.LAST_HASH, c.VERIFIED_AT)
                .values(CHECKPOINT, seq, hash, at)
                .execute();
    }

    private static final String CHECKPOINT = "AUDIT";

    /** The hash of the row at {@code seq} (empty when there is none). */
    public Optional<String> hashAt(long seq) {
        return dsl.select(AUDIT_LOG.HASH)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SEQ.eq(seq))
                .fetchOptional(AUDIT_LOG.HASH);
    }

    /**
     * The rows another copy of this home's database holds beyond this one's: after {@code afterSeq} in its chain
     * when its chain has this one's head at that place (it grew from the same rows), else (a copy from before the
     * chain, or one that went another way) every row with an id past {@code afterId}. Oldest first.
     */
    public static List<AuditEntry> rowsBeyond(Connection replaced, Head here, long afterId) {
        DSLContext other = DSL.using(replaced, SQLDialect.H2);
        boolean samePrefix = here.sealed()
                && (here.lastSeq() == 0
                        || other.select(AUDIT_LOG.HASH)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.SEQ.eq(here.lastSeq()))
                                .fetchOptional(AUDIT_LOG.HASH)
                                .filter(here.lastHash()::equals)
                                .isPresent());
        Condition later = samePrefix ? AUDIT_LOG.SEQ.gt(here.lastSeq()) : AUDIT_LOG.ID.gt(afterId);
        return other.selectFrom(AUDIT_LOG)
                .where(later)
                .orderBy(samePrefix ? AUDIT_LOG.SEQ : AUDIT_LOG.ID)
                .fetch(AuditRepository::entry);
    }

    /** Another copy's audit head and its newest row's id: where a backup's audit log ends. */
    public static Head headAndMaxId(Connection copy, long[] maxId) {
        DSLContext other = DSL.using(copy, SQLDialect.H2);
        Long id = other.select(DSL.max(AUDIT_LOG.ID)).from(AUDIT_LOG).fetchOne(0, Long.class);
        maxId[0] = id == null ? 0 : id;
        return other.selectFrom(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1))
                .fetchOne(r -> new Head(r.getLastSeq(), r.getLastHash(), r.getLegacyMaxId(), r.getSealed()));
    }

    /**
     * This log's changes beyond another copy's end (a backup's): per record kind (entity) and action, how many rows.
     * The same choice of rows as {@link #rowsBeyond}, seen from the other side: after the copy's head in the chain
     * when this chain holds that head at its place, else every row with an id past the copy's newest.
     */
    public Map<String, Map<String, Integer>> countsBeyond(Head copy, long copyMaxId, List<String> actions) {
        boolean samePrefix = copy.sealed()
                && (copy.lastSeq() == 0
                        || hashAt(copy.lastSeq())
                                .filter(copy.lastHash()::equals)
                                .isPresent());
        Condition later = samePrefix ? AUDIT_LOG.SEQ.gt(copy.lastSeq()) : AUDIT_LOG.ID.gt(copyMaxId);
        Map<String, Map<String, Integer>> out = new java.util.TreeMap<>();
        dsl.select(AUDIT_LOG.ENTITY, AUDIT_LOG.ACTION, DSL.count())
                .from(AUDIT_LOG)
                .where(later, AUDIT_LOG.ACTION.in(actions), AUDIT_LOG.ENTITY.isNotNull())
                .groupBy(AUDIT_LOG.ENTITY, AUDIT_LOG.ACTION)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.TreeMap<>())
                        .put(r.value2(), r.value3()));
        return out;
    }

    /** Another copy's audit head, as "seq-hash". */
    public static String headOf(Connection replaced) {
        return DSL.using(replaced, SQLDialect.H2)
                .select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1))
                .fetchOne(r -> r.value1() + "-" + r.value2());
    }

    public List<AuditEntry> find(AuditFilter f, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        forEach(f, limit, out::add);
        return out;
    }

    /**
     * Newest first by time, ties by id, streamed, so an export of years of log never holds it all. By time, not id:
     * the rows a restore carries over keep the times they were written at.
     */
    public void forEach(AuditFilter f, int limit, Consumer<AuditEntry> sink) {
        try (var cursor = dsl.selectFrom(AUDIT_LOG)
                .where(condition(f))
                .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetchSize(500)
                .fetchLazy()) {
            cursor.forEach(r -> sink.accept(entry(r)));
        }
    }

    public int count(AuditFilter f) {
        return dsl.fetchCount(AUDIT_LOG, condition(f));
    }

    private static AuditEntry entry(AuditLogRecord r) {
        return new AuditEntry(
                r.getId(),
                r.getAt(),
                r.getUsername(),
                r.getAction(),
                r.getEntity(),
                r.getEntityId(),
                r.getSummary(),
                r.getChanges(),
                r.getSummaryKey());
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
