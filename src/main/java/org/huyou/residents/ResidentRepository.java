package org.huyou.residents;

import static org.huyou.db.generated.Tables.LIVING_GROUP;
import static org.huyou.db.generated.Tables.LIVING_GROUP_HISTORY;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;
import static org.huyou.db.generated.Tables.RESIDENT_PHOTO;
import static org.huyou.db.generated.Tables.RESIDENT_SEARCH_KEY;
import static org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.common.Pinyin;
import org.huyou.db.Like;
import org.huyou.db.Sql;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.ResidentRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Reads and writes residents, their status history, photos and living groups. Rules live in the service. */
public final class ResidentRepository {

    private final DSLContext dsl;
    private final ResidentImportRepository imports;

    public ResidentRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.imports = new ResidentImportRepository(dsl);
    }

    // ---- the list ------------------------------------------------------------------------------------------

    public List<ResidentSummary> search(ResidentFilter filter, LocalDate today, int limit) {
        return search(filter, today, null, limit);
    }

    /** The next page in record-number order: the rows after {@code afterRecordNo} (null: from the first). */
    public List<ResidentSummary> search(ResidentFilter filter, LocalDate today, String afterRecordNo, int limit) {
        return page(conditions(filter, today), afterRecordNo, limit);
    }

    /** The first page of the list and how many match in all, counted up to {@code cap} (a full page only). */
    public record Found(List<ResidentSummary> rows, int counted) {}

    /**
     * What one keystroke costs: the query's keys looked up once, the page, and the count when the page is full. A
     * broad query whose first keys already hold {@code cap} residents is counted as more than that from the lookup
     * itself (unless other filters narrow it): counting every match of one letter is what made a keystroke slow.
     */
    public Found find(ResidentFilter filter, LocalDate today, int limit, int cap) {
        Matching m = matching(filter.query(), cap);
        boolean onlyTheQuery = filter.equals(ResidentFilter.query(filter.query()));
        if (m != null && onlyTheQuery) {
            return findTyped(m, limit, cap);
        }
        Condition where = conditions(filter, today, m);
        List<ResidentSummary> rows = page(where, null, limit);
        if (rows.size() < limit) {
            return new Found(rows, rows.size());
        }
        return new Found(
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
    private Found findTyped(Matching m, int limit, int cap) {
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
                return new Found(rows, rows.size());
            }
            if (m.complete() || m.ids().size() >= cap) {
                // The lookup already counted them (all of them, or more than any count is shown for).
                return new Found(rows, Math.min(m.ids().size(), cap));
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
                return new Found(rows, rs.getInt(1));
            }
        });
    }

    /** The rows of these residents, in record-number order (the second step of both pages). */
    private static List<ResidentSummary> summaries(Connection c, List<Long> ids) throws java.sql.SQLException {
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

    private static ResidentSummary summary(ResultSet rs) throws java.sql.SQLException {
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

    public int count(ResidentFilter filter, LocalDate today) {
        return dsl.selectCount().from(RESIDENT).where(conditions(filter, today)).fetchOne(0, int.class);
    }

    /**
     * A resident's status now: the latest event that is not voided, read by its index for each row shown. (Joining
     * the resident_current_status view instead made H2 work out every resident's status for each keystroke.)
     */
    private static org.jooq.Field<String> currentStatus() {
        var e = RESIDENT_STATUS_EVENT;
        return DSL.field(DSL.select(e.STATUS)
                .from(e)
                .where(e.RESIDENT_ID.eq(RESIDENT.ID))
                .and(e.VOIDED_AT.isNull())
                .orderBy(e.EVENT_DATE.desc(), e.ID.desc())
                .limit(1));
    }

    private Condition conditions(ResidentFilter f, LocalDate today) {
        return conditions(f, today, matching(f.query(), 0));
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
    public static int narrowLimit(int registerSize) {
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

    /**
     * Null for an empty query. The lookups read up to twice {@code countCap} keys, so that a broad query's count
     * ("more than ...") comes from them: a resident rarely holds more than two keys starting the same way. Written
     * as plain SQL, like the page of {@link #find}: these run on every keystroke.
     */
    private Matching matching(String query, int countCap) {
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
            for (String prefix : SearchKeys.forQuery(q)) {
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

    // ---- one resident --------------------------------------------------------------------------------------

    public Optional<Resident> find(long id) {
        return dsl.selectFrom(RESIDENT).where(RESIDENT.ID.eq(id)).fetchOptional(this::toResident);
    }

    public boolean hasResidents() {
        return dsl.fetchExists(RESIDENT, RESIDENT.VOIDED_AT.isNull());
    }

    public int countAll() {
        return dsl.fetchCount(RESIDENT, RESIDENT.VOIDED_AT.isNull());
    }

    /** Every resident in record-number order, streamed from a cursor so an export never holds them all. */
    public void forEach(Consumer<Resident> sink) {
        try (var cursor = dsl.selectFrom(RESIDENT)
                .where(RESIDENT.VOIDED_AT.isNull())
                .orderBy(RESIDENT.RECORD_NO)
                .fetchSize(500)
                .fetchLazy()) {
            for (ResidentRecord rec : cursor) {
                sink.accept(toResident(rec));
            }
        }
    }

    public long insert(Resident r, String actor, LocalDateTime now) {
        ResidentRecord rec = dsl.newRecord(RESIDENT);
        fill(rec, r);
        rec.setCreatedAt(now);
        rec.setCreatedBy(actor);
        rec.setVersion(0);
        rec.store();
        writeSearchKeys(rec.getId(), r);
        return rec.getId();
    }

    /**
     * Residents with their ids given, sent as one JDBC batch: the stress-data generator's path (the register's own
     * path numbers records one at a time). Each gets its admission as the first status event.
     */
    public void insertAll(List<Resident> residents, String actor, LocalDateTime now) {
        List<org.jooq.TableRecord<?>> records = new ArrayList<>();
        for (Resident r : residents) {
            ResidentRecord rec = dsl.newRecord(RESIDENT);
            fill(rec, r);
            rec.setCreatedAt(now);
            rec.setCreatedBy(actor);
            rec.setVersion(0);
            records.add(rec);
        }
        org.huyou.db.BulkInsert.insert(dsl, records);
        List<org.jooq.TableRecord<?>> keys = new ArrayList<>();
        for (Resident r : residents) {
            keys.addAll(searchKeyRecords(r.id(), r));
        }
        org.huyou.db.BulkInsert.insert(dsl, keys);
    }

    /**
     * A resident's keys are numbered from its id times this (migration 43): the row key is then the key's number, and
     * a resident's keys are one range of it. At most 135 keys (names of 50, a record number of 32, three more).
     */
    static final long KEYS_PER_RESIDENT = 256;
    /** The walked resident's own keys, as a range of the row key (256 is {@link #KEYS_PER_RESIDENT}). */
    private static final String OWN_KEYS = "k.key_no >= resident.id * 256 AND k.key_no < (resident.id + 1) * 256";

    /** A resident's search keys replaced by those of its saved values. */
    private void writeSearchKeys(long id, Resident r) {
        dsl.deleteFrom(RESIDENT_SEARCH_KEY)
                .where(RESIDENT_SEARCH_KEY.KEY_NO.between(
                        id * KEYS_PER_RESIDENT, id * KEYS_PER_RESIDENT + KEYS_PER_RESIDENT - 1))
                .execute();
        org.huyou.db.BulkInsert.insert(dsl, searchKeyRecords(id, r));
    }

    private List<org.jooq.TableRecord<?>> searchKeyRecords(long id, Resident r) {
        List<org.jooq.TableRecord<?>> keys = new ArrayList<>();
        long keyNo = id * KEYS_PER_RESIDENT;
        for (String key : SearchKeys.of(r)) {
            var rec = dsl.newRecord(RESIDENT_SEARCH_KEY);
            rec.setKeyNo(keyNo++);
            rec.setSearchKey(key);
            rec.setResidentId(id);
            keys.add(rec);
        }
        if (keyNo > (id + 1) * KEYS_PER_RESIDENT) {
            throw new IllegalStateException("more search keys than a resident's range holds: " + keys.size());
        }
        return keys;
    }

    /**
     * Admits many new residents (record numbers already given, all different) with their first status event, living
     * group and search keys, batched over plain JDBC ({@link ResidentImportRepository}). Returns the new ids in the
     * order of {@code residents}.
     */
    public List<Long> insertImported(List<Resident> residents, String actor, LocalDateTime now) {
        return imports.insert(residents, actor, now);
    }

    /** Of the given ID numbers, those already held by a resident, with the holder's record number. */
    public java.util.Map<String, String> recordNosHoldingIdNumbers(java.util.Collection<String> idNumbers) {
        java.util.Map<String, String> held = new java.util.HashMap<>();
        for (List<String> chunk : chunks(idNumbers)) {
            dsl.select(RESIDENT.ID_NUMBER, RESIDENT.RECORD_NO)
                    .from(RESIDENT)
                    .where(RESIDENT.ID_NUMBER.in(chunk))
                    .fetch()
                    .forEach(r -> held.put(r.value1(), r.value2()));
        }
        return held;
    }

    /** Of the given record numbers, those already taken. */
    public Set<String> recordNosTaken(java.util.Collection<String> recordNos) {
        Set<String> taken = new HashSet<>();
        for (List<String> chunk : chunks(recordNos)) {
            taken.addAll(dsl.select(RESIDENT.RECORD_NO)
                    .from(RESIDENT)
                    .where(RESIDENT.RECORD_NO.in(chunk))
                    .fetch(RESIDENT.RECORD_NO));
        }
        return taken;
    }

    /** Every record number that starts with {@code prefix} (one admission year's). */
    public Set<String> recordNosWithPrefix(String prefix) {
        return new HashSet<>(dsl.select(RESIDENT.RECORD_NO)
                .from(RESIDENT)
                .where(Like.prefix(RESIDENT.RECORD_NO, prefix))
                .fetch(RESIDENT.RECORD_NO));
    }

    /** IN lists of at most 1,000 values, bound as parameters. */
    private static List<List<String>> chunks(java.util.Collection<String> values) {
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(values));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1000) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 1000)));
        }
        return chunks;
    }

    /** Status events in one batch: resident, status, date, note per row. */
    public void insertStatusEvents(List<StatusEvent> events, String actor, LocalDateTime now) {
        List<org.jooq.TableRecord<?>> records = new ArrayList<>();
        for (StatusEvent e : events) {
            var rec = dsl.newRecord(RESIDENT_STATUS_EVENT);
            rec.setResidentId(e.residentId());
            rec.setStatus(e.status().name());
            rec.setEventDate(e.date());
            rec.setNote(e.note());
            rec.setCreatedAt(now);
            rec.setCreatedBy(actor);
            records.add(rec);
        }
        org.huyou.db.BulkInsert.insert(dsl, records);
    }

    /** After ids were given explicitly: the next generated id follows the highest one. */
    public void continueIdsAfterMax() {
        long max = dsl.select(DSL.max(RESIDENT.ID))
                .from(RESIDENT)
                .fetchOptional(0, Long.class)
                .orElse(0L);
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            dsl.fetch("SELECT setval(pg_get_serial_sequence('resident', 'id'), ?, false)", max + 1);
        } else {
            dsl.execute("ALTER TABLE resident ALTER COLUMN id RESTART WITH ?", max + 1);
        }
    }

    /** Updates when the stored version is still {@code r.version()}; returns false when someone saved in between. */
    public boolean update(Resident r, String actor, LocalDateTime now) {
        ResidentRecord rec = dsl.newRecord(RESIDENT);
        fill(rec, r);
        rec.setUpdatedAt(now);
        rec.setUpdatedBy(actor);
        rec.setVersion(r.version() + 1);
        rec.changed(RESIDENT.ID, false);
        rec.changed(RESIDENT.CREATED_AT, false);
        rec.changed(RESIDENT.CREATED_BY, false);
        int rows = dsl.update(RESIDENT)
                .set(rec)
                .where(RESIDENT.ID.eq(r.id()).and(RESIDENT.VERSION.eq(r.version())))
                .execute();
        if (rows == 1) {
            writeSearchKeys(r.id(), r);
        }
        return rows == 1;
    }

    /** Who last saved a resident and when, to tell a user whose save came second. */
    public Optional<Stamp> lastUpdate(long id) {
        return dsl.select(RESIDENT.UPDATED_BY, RESIDENT.UPDATED_AT)
                .from(RESIDENT)
                .where(RESIDENT.ID.eq(id))
                .fetchOptional(r -> new Stamp(r.value1(), r.value2()));
    }

    /** Who did something to a record, and when. */
    public record Stamp(String by, LocalDateTime at) {}

    public Optional<String> recordNoHoldingIdNumber(String idNumber, Long exceptId) {
        Condition c = RESIDENT.ID_NUMBER.eq(idNumber);
        if (exceptId != null) {
            c = c.and(RESIDENT.ID.ne(exceptId));
        }
        return dsl.select(RESIDENT.RECORD_NO).from(RESIDENT).where(c).fetchOptional(RESIDENT.RECORD_NO);
    }

    public boolean recordNoTaken(String recordNo, Long exceptId) {
        Condition c = RESIDENT.RECORD_NO.eq(recordNo);
        if (exceptId != null) {
            c = c.and(RESIDENT.ID.ne(exceptId));
        }
        return dsl.fetchExists(RESIDENT, c);
    }

    /** The highest record number that starts with {@code prefix}, to number the next one. */
    public Optional<String> maxRecordNo(String prefix) {
        return dsl.select(DSL.max(RESIDENT.RECORD_NO))
                .from(RESIDENT)
                .where(Like.prefix(RESIDENT.RECORD_NO, prefix))
                .fetchOptional(0, String.class);
    }

    private static void fill(ResidentRecord rec, Resident r) {
        if (r.id() != null) {
            rec.setId(r.id());
        }
        rec.setRecordNo(r.recordNo());
        rec.setName(r.name());
        rec.setFormerName(r.formerName());
        rec.setNamePinyin(Pinyin.full(r.name()));
        rec.setNameInitials(Pinyin.initials(r.name()));
        rec.setGender(r.gender().name());
        rec.setBirthDate(r.birthDate());
        rec.setBirthDateEstimated(r.birthDateEstimated());
        rec.setEthnicity(r.ethnicity());
        rec.setIdNumber(r.idNumber());
        rec.setHouseholdRegistration(r.householdRegistration());
        rec.setCategory(r.category().name());
        rec.setAdmissionDate(r.admissionDate());
        rec.setAdmissionSource(r.admissionSource().name());
        rec.setAdmissionFrom(r.admissionFrom());
        rec.setDisabilityType(r.disabilityType().name());
        rec.setDisabilityGrade(
                r.disabilityGrade() == null ? null : r.disabilityGrade().shortValue());
        rec.setGuardianship(r.guardianship().name());
        rec.setGuardianshipNote(r.guardianshipNote());
        rec.setLivingGroupId(r.livingGroupId());
        rec.setNote(r.note());
    }

    private Resident toResident(ResidentRecord rec) {
        return new Resident(
                rec.getId(),
                rec.getVersion(),
                rec.getRecordNo(),
                rec.getName(),
                rec.getFormerName(),
                Gender.valueOf(rec.getGender()),
                rec.getBirthDate(),
                rec.getBirthDateEstimated(),
                rec.getEthnicity(),
                rec.getIdNumber(),
                rec.getHouseholdRegistration(),
                Category.valueOf(rec.getCategory()),
                rec.getAdmissionDate(),
                AdmissionSource.valueOf(rec.getAdmissionSource()),
                rec.getAdmissionFrom(),
                DisabilityType.valueOf(rec.getDisabilityType()),
                rec.getDisabilityGrade() == null
                        ? null
                        : rec.getDisabilityGrade().intValue(),
                Guardianship.valueOf(rec.getGuardianship()),
                rec.getGuardianshipNote(),
                rec.getLivingGroupId(),
                rec.getNote());
    }

    // ---- status history ------------------------------------------------------------------------------------

    public long insertStatusEvent(
            long residentId, ResidentStatus status, LocalDate date, String note, String actor, LocalDateTime now) {
        return dsl.insertInto(RESIDENT_STATUS_EVENT)
                .set(RESIDENT_STATUS_EVENT.RESIDENT_ID, residentId)
                .set(RESIDENT_STATUS_EVENT.STATUS, status.name())
                .set(RESIDENT_STATUS_EVENT.EVENT_DATE, date)
                .set(RESIDENT_STATUS_EVENT.NOTE, note)
                .set(RESIDENT_STATUS_EVENT.CREATED_AT, now)
                .set(RESIDENT_STATUS_EVENT.CREATED_BY, actor)
                .returning(RESIDENT_STATUS_EVENT.ID)
                .fetchOne(RESIDENT_STATUS_EVENT.ID);
    }

    /** The history oldest first, voided entries included. */
    public List<StatusEvent> statusHistory(long residentId) {
        var e = RESIDENT_STATUS_EVENT;
        return dsl.selectFrom(e)
                .where(e.RESIDENT_ID.eq(residentId))
                .orderBy(e.EVENT_DATE, e.ID)
                .fetch(r -> new StatusEvent(
                        r.getId(),
                        r.getResidentId(),
                        ResidentStatus.valueOf(r.getStatus()),
                        r.getEventDate(),
                        r.getNote(),
                        r.getCreatedBy(),
                        r.getCreatedAt(),
                        r.getVoidedBy(),
                        r.getVoidedAt(),
                        r.getVoidedReason()));
    }

    public boolean voidStatusEvent(long eventId, String reason, String actor, LocalDateTime now) {
        return Voiding.voidRow(dsl, RESIDENT_STATUS_EVENT, eventId, reason, actor, now);
    }

    public Optional<ResidentStatus> currentStatus(long residentId) {
        return dsl.select(RESIDENT_CURRENT_STATUS.STATUS)
                .from(RESIDENT_CURRENT_STATUS)
                .where(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(residentId))
                .fetchOptional(RESIDENT_CURRENT_STATUS.STATUS)
                .map(ResidentStatus::valueOf);
    }

    // ---- photos ----------------------------------------------------------------------------------------------

    public Optional<byte[]> photo(long residentId) {
        return dsl.select(RESIDENT_PHOTO.CONTENT)
                .from(RESIDENT_PHOTO)
                .where(RESIDENT_PHOTO.RESIDENT_ID.eq(residentId))
                .fetchOptional(RESIDENT_PHOTO.CONTENT);
    }

    public void savePhoto(long residentId, byte[] content, String contentType, String actor, LocalDateTime now) {
        dsl.mergeInto(RESIDENT_PHOTO)
                .using(dsl.selectOne())
                .on(RESIDENT_PHOTO.RESIDENT_ID.eq(residentId))
                .whenMatchedThenUpdate()
                .set(RESIDENT_PHOTO.CONTENT, content)
                .set(RESIDENT_PHOTO.CONTENT_TYPE, contentType)
                .set(RESIDENT_PHOTO.UPDATED_AT, now)
                .set(RESIDENT_PHOTO.UPDATED_BY, actor)
                .whenNotMatchedThenInsert(
                        RESIDENT_PHOTO.RESIDENT_ID,
                        RESIDENT_PHOTO.CONTENT,
                        RESIDENT_PHOTO.CONTENT_TYPE,
                        RESIDENT_PHOTO.UPDATED_AT,
                        RESIDENT_PHOTO.UPDATED_BY)
                .values(residentId, content, contentType, now, actor)
                .execute();
    }

    // ---- living group history --------------------------------------------------------------------------------

    public void insertGroupHistory(long residentId, Long groupId, LocalDate from, String actor, LocalDateTime now) {
        var h = LIVING_GROUP_HISTORY;
        dsl.insertInto(h)
                .set(h.RESIDENT_ID, residentId)
                .set(h.LIVING_GROUP_ID, groupId)
                .set(h.FROM_DATE, from)
                .set(h.CREATED_AT, now)
                .set(h.CREATED_BY, actor)
                .execute();
    }

    /** The groups a resident has belonged to, oldest first. */
    public List<GroupMembership> groupHistory(long residentId) {
        var h = LIVING_GROUP_HISTORY;
        return dsl.select(LIVING_GROUP.NAME, h.FROM_DATE, h.CREATED_BY)
                .from(h)
                .leftJoin(LIVING_GROUP)
                .on(LIVING_GROUP.ID.eq(h.LIVING_GROUP_ID))
                .where(h.RESIDENT_ID.eq(residentId))
                .orderBy(h.FROM_DATE, h.ID)
                .fetch(r -> new GroupMembership(r.value1(), r.value2(), r.value3()));
    }

    // ---- living groups ---------------------------------------------------------------------------------------

    public List<LivingGroup> livingGroups() {
        return dsl.select(LIVING_GROUP.ID, LIVING_GROUP.NAME)
                .from(LIVING_GROUP)
                .where(LIVING_GROUP.VOIDED_AT.isNull())
                .orderBy(LIVING_GROUP.ID)
                .fetch(r -> new LivingGroup(r.value1(), r.value2()));
    }

    public long insertLivingGroup(String name, String actor, LocalDateTime now) {
        return dsl.insertInto(LIVING_GROUP)
                .set(LIVING_GROUP.NAME, name)
                .set(LIVING_GROUP.CREATED_AT, now)
                .set(LIVING_GROUP.CREATED_BY, actor)
                .returning(LIVING_GROUP.ID)
                .fetchOne(LIVING_GROUP.ID);
    }
}
