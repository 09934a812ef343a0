package org.huyou.residents;

import static org.huyou.db.generated.Tables.LIVING_GROUP;
import static org.huyou.db.generated.Tables.LIVING_GROUP_HISTORY;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;
import static org.huyou.db.generated.Tables.RESIDENT_PHOTO;
import static org.huyou.db.generated.Tables.RESIDENT_SEARCH_KEY;
import static org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.huyou.common.Gender;
import org.huyou.common.Pinyin;
import org.huyou.db.BulkInsert;
import org.huyou.db.Like;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.ResidentRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * Reads and writes residents, their status history, photos and living groups. Rules live in the service. The list's
 * search is {@link ResidentSearchRepository}'s, the import's batches {@link ResidentImportRepository}'s.
 */
public final class ResidentRepository {

    private final DSLContext dsl;
    private final ResidentImportRepository imports;
    private final ResidentSearchRepository search;

    public ResidentRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.imports = new ResidentImportRepository(dsl);
        this.search = new ResidentSearchRepository(dsl);
    }

    // ---- the list ------------------------------------------------------------------------------------------

    /**
     * The first page in record-number order. {@code byIdNumber}: whether a typed query may match the start of an ID
     * number (false for a user who may not see them: a full number typed would confirm whose it is).
     */
    public List<ResidentSummary> search(ResidentFilter filter, LocalDate today, int limit, boolean byIdNumber) {
        return search(filter, today, null, limit, byIdNumber);
    }

    /** The next page in record-number order: the rows after {@code afterRecordNo} (null: from the first). */
    public List<ResidentSummary> search(
            ResidentFilter filter, LocalDate today, String afterRecordNo, int limit, boolean byIdNumber) {
        return search.search(filter, today, afterRecordNo, limit, byIdNumber);
    }

    /** The first page of the list and how many match in all, counted up to {@code cap} (a full page only). */
    public record Found(List<ResidentSummary> rows, int counted) {}

    /**
     * What one keystroke costs: the query's keys looked up once, the page, and the count when the page is full. A
     * broad query whose first keys already hold {@code cap} residents is counted as more than that from the lookup
     * itself (unless other filters narrow it): counting every match of one letter is what made a keystroke slow.
     */
    public Found find(ResidentFilter filter, LocalDate today, int limit, int cap, boolean byIdNumber) {
        return search.find(filter, today, limit, cap, byIdNumber);
    }

    public int count(ResidentFilter filter, LocalDate today, boolean byIdNumber) {
        return search.count(filter, today, byIdNumber);
    }

    /** How many residents a query's keys may hold before the list walks the register instead (see the search). */
    public static int narrowLimit(int registerSize) {
        return ResidentSearchRepository.narrowLimit(registerSize);
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
        List<TableRecord<?>> records = new ArrayList<>();
        for (Resident r : residents) {
            ResidentRecord rec = dsl.newRecord(RESIDENT);
            fill(rec, r);
            rec.setCreatedAt(now);
            rec.setCreatedBy(actor);
            rec.setVersion(0);
            records.add(rec);
        }
        BulkInsert.insert(dsl, records);
        List<TableRecord<?>> keys = new ArrayList<>();
        for (Resident r : residents) {
            keys.addAll(searchKeyRecords(r.id(), r));
        }
        BulkInsert.insert(dsl, keys);
    }

    /**
     * A resident's keys are numbered from its id times this (migration 43): the row key is then the key's number, and
     * a resident's keys are one range of it. At most 135 keys (names of 50, a record number of 32, three more).
     */
    static final long KEYS_PER_RESIDENT = 256;

    /** A resident's search keys replaced by those of its saved values. */
    private void writeSearchKeys(long id, Resident r) {
        dsl.deleteFrom(RESIDENT_SEARCH_KEY)
                .where(RESIDENT_SEARCH_KEY.KEY_NO.between(
                        id * KEYS_PER_RESIDENT, id * KEYS_PER_RESIDENT + KEYS_PER_RESIDENT - 1))
                .execute();
        BulkInsert.insert(dsl, searchKeyRecords(id, r));
    }

    private List<TableRecord<?>> searchKeyRecords(long id, Resident r) {
        List<TableRecord<?>> keys = new ArrayList<>();
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
    public List<Long> insertImported(List<Resident> residents, String actor, LocalDateTime now, Long batch) {
        return imports.insert(residents, actor, now, batch);
    }

    /** The record of imports written in chunks, over this repository's database. */
    ImportBatchRepository importBatches() {
        return new ImportBatchRepository(dsl);
    }

    /** Of the given ID numbers, those already held by a resident, with the holder's record number. */
    public Map<String, String> recordNosHoldingIdNumbers(Collection<String> idNumbers) {
        Map<String, String> held = new HashMap<>();
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
    public Set<String> recordNosTaken(Collection<String> recordNos) {
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
    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(values));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1000) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 1000)));
        }
        return chunks;
    }

    /** Status events in one batch: resident, status, date, note per row. */
    public void insertStatusEvents(List<StatusEvent> events, String actor, LocalDateTime now) {
        List<TableRecord<?>> records = new ArrayList<>();
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
        BulkInsert.insert(dsl, records);
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

    /** The highest record number a restore found given out under {@code prefix} (0: none). */
    public int recordNoFloor(String prefix) {
        var f = org.huyou.db.generated.Tables.NUMBER_FLOOR;
        Integer last = dsl.select(f.LAST_NO)
                .from(f)
                .where(f.KIND.eq(RECORD_NO_FLOOR), f.SCOPE.eq(prefix))
                .fetchOne(f.LAST_NO);
        return last == null ? 0 : last;
    }

    /** The kind of {@code number_floor} row for resident record numbers (its scope: the prefix, "2026-"). */
    public static final String RECORD_NO_FLOOR = "RECORD_NO";

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
                        Voiding.trail(e, r)));
    }

    /** The status history's entries to void by {@code actor} at {@code now}. */
    public Voidable statusEvents(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, RESIDENT_STATUS_EVENT, actor, now);
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
        return insertLivingGroup(name, actor, now, null);
    }

    /** A living group an import made ({@code batch}: its {@link ImportBatchRepository} id), removed with it if it fails. */
    long insertLivingGroup(String name, String actor, LocalDateTime now, Long batch) {
        return dsl.insertInto(LIVING_GROUP)
                .set(LIVING_GROUP.NAME, name)
                .set(LIVING_GROUP.IMPORT_BATCH_ID, batch)
                .set(LIVING_GROUP.CREATED_AT, now)
                .set(LIVING_GROUP.CREATED_BY, actor)
                .returning(LIVING_GROUP.ID)
                .fetchOne(LIVING_GROUP.ID);
    }
}
