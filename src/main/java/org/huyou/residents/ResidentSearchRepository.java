package org.huyou.residents;

import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.db.Like;
import org.huyou.db.Sql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The register's list: a typed query narrowed through the search keys, the filters, the pages and their counts. Its
 * SQL is partly hand-written because it runs on every keystroke. {@link ResidentRepository} is what callers use.
 */
final class ResidentSearchRepository {

    private final DSLContext dsl;

    ResidentSearchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The next page in record-number order: the rows after {@code afterRecordNo} (null: from the first). */
    List<ResidentSummary> search(
            ResidentFilter filter, LocalDate today, String afterRecordNo, int limit, boolean byIdNumber) {
        return page(conditions(filter, today, byIdNumber), afterRecordNo, limit);
    }

    /**
     * What one keystroke costs: the query's keys looked up once, the page, and the count when the page is full. A
     * broad query whose first keys already hold {@code cap} residents is counted as more than that from the lookup
     * itself (unless other filters narrow it): counting every match of one letter is what made a keystroke slow.
     */
    ResidentRepository.Found find(ResidentFilter filter, LocalDate today, int limit, int cap, boolean byIdNumber) {
        Matching m = matching(filter.query(), cap, byIdNumber);
        boolean onlyTheQuery = filter.equals(ResidentFilter.query(filter.query()));
        if (m != null && onlyTheQuery) {
            return findTyped(m, limit, cap);
        }
        Condition where = conditions(filter, today, m);
        List<ResidentSummary> rows = page(where, null, limit);
        if (rows.size() < limit) {
            return new ResidentRepository.Found(rows, rows.size());
        }
        return new ResidentRepository.Found(
                rows,
                dsl.selectCount()
                        .from(dsl.select(RESIDENT.ID)
                                .from(RESIDENT)
                                .where(where)
                                .limit(cap))
                        .fetchOne(0, int.class));
    }

    /** A page's rows by their ids: plain SQL, shared by {@link #page} and {@link #findTyped}. */
    private static final String SUMMARY_SQL = "SELECT r.id, r.record_no, r.name, r.gender, r.birth_date, "
            + "r.birth_date_estimated, r.id_number, r.category, g.name, r.disability_type, r.disability_grade, "
            + "(SELECT e.status FROM resident_status_event e WHERE e.resident_id = r.id AND e.voided_at IS NULL "
            + "ORDER BY e.event_date DESC, e.id DESC LIMIT 1), r.admission_date "
            + "FROM resident r LEFT JOIN living_group g ON g.id = r.living_group_id WHERE r.id IN (";

    /**
     * A keystroke with nothing but the search box: the same two-step page and capped count as {@link #page}, in
     * plain SQL (every value bound). jOOQ's building and rendering of these few statements cost four times the
     * statements themselves (1.3 of 1.7 ms at 1,000 residents, the search benchmark).
     */
    private ResidentRepository.Found findTyped(Matching m, int limit, int cap) {
        return dsl.connectionResult(c -> {
            List<Long> ids = new ArrayList<>(limit);
            Sql page = new Sql()
                    .sql("SELECT resident.id FROM resident WHERE resident.voided_at IS NULL AND ")
                    .append(m.sql())
                    .sql(" ORDER BY resident.record_no LIMIT ")
                    .value(limit);
            try (PreparedStatement ps = page.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<ResidentSummary> rows = summaries(c, ids);
            if (rows.size() < limit) {
                return new ResidentRepository.Found(rows, rows.size());
            }
            if (m.complete() || m.ids().size() >= cap) {
                // The lookup already counted them (all of them, or more than any count is shown for).
                return new ResidentRepository.Found(rows, Math.min(m.ids().size(), cap));
            }
            Sql count = new Sql()
                    .sql("SELECT COUNT(*) FROM (SELECT resident.id FROM resident WHERE "
                            + "resident.voided_at IS NULL AND ")
                    .append(m.sql())
                    .sql(" LIMIT ")
                    .value(cap)
                    .sql(") m");
            try (PreparedStatement ps = count.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ResidentRepository.Found(rows, rs.getInt(1));
            }
        });
    }

    /** The rows of these residents, in record-number order (the second step of both pages). */
    private static List<ResidentSummary> summaries(Connection c, List<Long> ids) throws SQLException {
        List<ResidentSummary> rows = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return rows;
        }
        Sql sql = new Sql().sql(SUMMARY_SQL).values(ids).sql(") ORDER BY r.record_no");
        try (PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(summary(rs));
            }
        }
        return rows;
    }

    private static ResidentSummary summary(ResultSet rs) throws SQLException {
        String status = rs.getString(12);
        int grade = rs.getInt(11);
        Integer disabilityGrade = rs.wasNull() ? null : grade;
        return new ResidentSummary(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Gender.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class),
                rs.getBoolean(6),
                IdNumber.mask(rs.getString(7)),
                Category.valueOf(rs.getString(8)),
                rs.getString(9),
                DisabilityType.valueOf(rs.getString(10)),
                disabilityGrade,
                status == null ? null : ResidentStatus.valueOf(status),
                rs.getObject(13, LocalDate.class));
    }

    /**
     * A page in two steps: which residents, in record-number order, from the narrow columns only; then their rows.
     * In one step H2 works out every candidate's row (its status subquery included) before sorting and cutting.
     */
    private List<ResidentSummary> page(Condition where, String afterRecordNo, int limit) {
        if (afterRecordNo != null) {
            where = where.and(RESIDENT.RECORD_NO.gt(afterRecordNo));
        }
        List<Long> ids = dsl.select(RESIDENT.ID)
                .from(RESIDENT)
                .where(where)
                .orderBy(RESIDENT.RECORD_NO)
                .limit(limit)
                .fetch(RESIDENT.ID);
        return dsl.connectionResult(c -> summaries(c, ids));
    }

    int count(ResidentFilter filter, LocalDate today, boolean byIdNumber) {
        return dsl.selectCount()
                .from(RESIDENT)
                .where(conditions(filter, today, byIdNumber))
                .fetchOne(0, int.class);
    }

    /**
     * A resident's status now: the latest event that is not voided, read by its index for each row shown. (Joining
     * the resident_current_status view instead made H2 work out every resident's status for each keystroke.)
     */
    private static Field<String> currentStatus() {
        var e = RESIDENT_STATUS_EVENT;
        return DSL.field(DSL.select(e.STATUS)
                .from(e)
                .where(e.RESIDENT_ID.eq(RESIDENT.ID))
                .and(e.VOIDED_AT.isNull())
                .orderBy(e.EVENT_DATE.desc(), e.ID.desc())
                .limit(1));
    }

    private Condition conditions(ResidentFilter f, LocalDate today, boolean byIdNumber) {
        return conditions(f, today, matching(f.query(), 0, byIdNumber));
    }

    private Condition conditions(ResidentFilter f, LocalDate today, Matching m) {
        List<Condition> all = new ArrayList<>();
        all.add(RESIDENT.VOIDED_AT.isNull());
        if (m != null) {
            all.add(m.sql().condition());
        }
        if (f.status() != null) {
            all.add(currentStatus().eq(f.status().name()));
        }
        if (f.category() != null) {
            all.add(RESIDENT.CATEGORY.eq(f.category().name()));
        }
        if (f.livingGroupId() != null) {
            all.add(RESIDENT.LIVING_GROUP_ID.eq(f.livingGroupId()));
        }
        if (f.disabilityType() != null) {
            all.add(RESIDENT.DISABILITY_TYPE.eq(f.disabilityType().name()));
        }
        if (f.ageBand() != null) {
            all.add(RESIDENT.BIRTH_DATE.between(
                    f.ageBand().bornOnOrAfter(today), f.ageBand().bornOnOrBefore(today)));
        }
        return DSL.and(all);
    }

    /**
     * Up to this many residents holding the query's keys are found through the key index (then fetched by primary key
     * and sorted); more are found by walking the register in record-number order and checking each resident's own
     * keys, which stops after one page. The first costs about 11 µs per match, the second about 13 µs per resident
     * walked past (a page of 50 divided by the share matching). The switch at the square root of 45 times the
     * register's size (670 residents at 10,000, 2,120 at 100,000) gave the lowest p95 of the factors tried (8 to 60)
     * on H2 with the search benchmark's keystrokes at 100,000 residents.
     */
    static int narrowLimit(int registerSize) {
        return Math.max(200, (int) Math.sqrt(45.0 * registerSize));
    }

    private volatile int registerSize = -1;
    private volatile long registerSizeAt;

    /** The register's size for the choice above; read again every five minutes (a rough figure is enough). */
    private int registerSize() {
        long now = System.nanoTime();
        if (registerSize < 0 || now - registerSizeAt > 300_000_000_000L) {
            registerSize = dsl.fetchCount(RESIDENT);
            registerSizeAt = now;
        }
        return registerSize;
    }

    /**
     * How a typed query narrows the list, as a condition on {@code resident} with its values bound: by the key index
     * when few residents match; when {@code broad}, by a check of each resident's own keys. {@code ids} holds the
     * residents seen in the keys looked up: all of them when {@code complete}. (The register never voids or deletes a
     * resident; should it ever, its keys must go with it, or the count taken from them would include it.)
     */
    private record Matching(Set<Long> ids, boolean complete, boolean broad, Sql sql) {}

    /**
     * Keys starting with a prefix, as a range of the key index with both ends bound: H2 makes an index range of a
     * comparison with a parameter, but not of {@code LIKE ?}; on PostgreSQL the {@code ~>=~}/{@code ~<~} operators
     * are those of the {@code varchar_pattern_ops} indexes of migration 13 (binary order, whatever the server's
     * collation), so the range is used in generic plans too. A prefix without a range ({@link Like#upperBound}) takes
     * {@code LIKE}, bound.
     */
    private Sql keyStarts(Sql column, String prefix) {
        Optional<String> upper = Like.upperBound(prefix);
        if (upper.isEmpty()) {
            return new Sql()
                    .append(column)
                    .sql(" LIKE ")
                    .value(Like.prefixPattern(prefix))
                    .sql(" ESCAPE '!'");
        }
        boolean pg = dsl.dialect().family() == SQLDialect.POSTGRES;
        Sql s = new Sql().append(column);
        if (pg) {
            return s.sql(" ~>=~ ")
                    .value(prefix)
                    .sql(" AND ")
                    .append(column)
                    .sql(" ~<~ ")
                    .value(upper.get());
        }
        return s.sql(" >= ")
                .value(prefix)
                .sql(" AND ")
                .append(column)
                .sql(" < ")
                .value(upper.get());
    }

    private static final Sql KEY = new Sql().sql("search_key");
    private static final Sql RESIDENTS_KEY = new Sql().sql("k.search_key");
    /** The walked resident's own keys, as a range of the row key (256 is {@link ResidentRepository#KEYS_PER_RESIDENT}). */
    private static final String OWN_KEYS = "k.key_no >= resident.id * 256 AND k.key_no < (resident.id + 1) * 256";

    /**
     * Null for an empty query. The lookups read up to twice {@code countCap} keys, so that a broad query's count
     * ("more than ...") comes from them: a resident rarely holds more than two keys starting the same way. Written
     * as plain SQL, like the page of {@link #find}: these run on every keystroke.
     */
    private Matching matching(String query, int countCap, boolean byIdNumber) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return null;
        }
        int narrow = narrowLimit(registerSize());
        int read = Math.max(narrow, 2 * countCap) + 1;
        return dsl.connectionResult(c -> {
            Set<Long> ids = new HashSet<>();
            List<String> holding = new ArrayList<>(); // the prefixes some key starts with
            boolean broad = false;
            boolean complete = true;
            for (String prefix : SearchKeys.forQuery(q, byIdNumber)) {
                // Key rows, not distinct residents: DISTINCT would read every matching key before the limit.
                int found = 0;
                Sql lookup = new Sql()
                        .sql("SELECT resident_id FROM resident_search_key WHERE ")
                        .append(keyStarts(KEY, prefix))
                        .sql(" LIMIT ")
                        .value(read);
                try (PreparedStatement ps = lookup.prepare(c);
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        found++;
                    }
                }
                complete &= found < read;
                if (found > 0) {
                    holding.add(prefix);
                }
                broad |= ids.size() > narrow || found == read; // residents, not keys: one holds two "z" keys
            }
            if (holding.isEmpty()) {
                return new Matching(ids, true, false, new Sql().sql("1 = 0"));
            }
            if (broad) {
                // One EXISTS per prefix, each a seek in the resident's own keys (an OR inside one would scan them).
                // OFFSET 0 keeps PostgreSQL from hashing the subquery: it read every key with the prefix first
                // (89,000 for the first four digits of a common ID number, 30 ms) to answer a page of 50.
                Sql any = new Sql().sql("(");
                for (int i = 0; i < holding.size(); i++) {
                    if (i > 0) {
                        any.sql(" OR ");
                    }
                    any.sql("EXISTS (SELECT 1 FROM resident_search_key k WHERE " + OWN_KEYS + " AND ")
                            .append(keyStarts(RESIDENTS_KEY, holding.get(i)))
                            .sql(" OFFSET 0 ROWS)");
                }
                return new Matching(ids, complete, true, any.sql(")"));
            }
            if (holding.size() == 1) {
                // H2 turns IN (one indexed subquery) into primary-key lookups; a UNION inside IN it runs for every row.
                return new Matching(
                        ids,
                        complete,
                        false,
                        new Sql()
                                .sql("resident.id IN (SELECT resident_id FROM " + "resident_search_key WHERE ")
                                .append(keyStarts(KEY, holding.get(0)))
                                .sql(")"));
            }
            return new Matching(
                    ids,
                    complete,
                    false,
                    new Sql().sql("resident.id IN (").values(ids).sql(")"));
        });
    }
}
