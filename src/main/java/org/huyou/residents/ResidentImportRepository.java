package org.huyou.residents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.Pinyin;
import org.jooq.DSLContext;

/**
 * Writes an import's new residents (record numbers already given, all different) with their first status event,
 * living group and search keys, over plain JDBC in the caller's transaction: one constant statement per table, sent
 * as batches of {@link #CHUNK} residents. jOOQ's records and binding cost a third of the writes' time in the JFR of a
 * 5,000-resident import; the rows and values are the same as {@link ResidentRepository} writes for one resident.
 */
public final class ResidentImportRepository {

    /**
     * Residents per batch: bounds what the driver holds (search keys are ~15 rows a resident); on H2 also what one
     * commit of an import holds ({@link org.huyou.db.Transactions#inChunks}).
     */
    public static final int CHUNK = 400;

    private static final String PROFILE = "INSERT INTO resident (record_no, name, former_name, name_pinyin, "
            + "name_initials, gender, birth_date, birth_date_estimated, ethnicity, id_number, household_registration, "
            + "category, admission_date, admission_source, admission_from, disability_type, disability_grade, "
            + "guardianship, guardianship_note, living_group_id, note, created_at, created_by, import_batch_id, version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String[] PROFILE_KEYS = {"id", "record_no"};
    private static final String EVENT = "INSERT INTO resident_status_event (resident_id, status, event_date, "
            + "created_at, created_by) VALUES (?, ?, ?, ?, ?)";
    private static final String GROUP = "INSERT INTO living_group_history (resident_id, living_group_id, from_date, "
            + "created_at, created_by) VALUES (?, ?, ?, ?, ?)";
    private static final String KEY =
            "INSERT INTO resident_search_key (key_no, search_key, resident_id) " + "VALUES (?, ?, ?)";

    private final DSLContext dsl;

    public ResidentImportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Inserts the residents and their rows, tagged with their import {@code batch} (null when the import is one
     * transaction); returns the new ids in the order of {@code residents}. The ids come back
     * with their record numbers, so the order in which a database returns generated keys does not matter.
     */
    public List<Long> insert(List<Resident> residents, String actor, LocalDateTime now, Long batch) {
        return dsl.connectionResult(c -> {
            List<Long> ids = new ArrayList<>(residents.size());
            try (PreparedStatement profiles = c.prepareStatement(PROFILE, keyColumns(c));
                    PreparedStatement events = c.prepareStatement(EVENT);
                    PreparedStatement groups = c.prepareStatement(GROUP);
                    PreparedStatement keys = c.prepareStatement(KEY)) {
                for (int from = 0; from < residents.size(); from += CHUNK) {
                    List<Resident> part = residents.subList(from, Math.min(residents.size(), from + CHUNK));
                    Map<String, Long> idOf = insertProfiles(profiles, part, actor, now, batch);
                    boolean anyGroup = false;
                    for (Resident r : part) {
                        long id = idOf.get(r.recordNo());
                        ids.add(id);
                        bindEvent(events, id, r, actor, now);
                        if (r.livingGroupId() != null) {
                            bindGroup(groups, id, r, actor, now);
                            anyGroup = true;
                        }
                        bindKeys(keys, id, r);
                    }
                    events.executeBatch();
                    if (anyGroup) {
                        groups.executeBatch();
                    }
                    keys.executeBatch();
                }
            }
            return ids;
        });
    }

    /** H2 names the generated columns as it stores them (upper case), PostgreSQL as they were created. */
    private static String[] keyColumns(Connection c) throws SQLException {
        if (c.getMetaData().storesUpperCaseIdentifiers()) {
            return new String[] {"ID", "RECORD_NO"};
        }
        return PROFILE_KEYS;
    }

    private static Map<String, Long> insertProfiles(
            PreparedStatement ps, List<Resident> part, String actor, LocalDateTime now, Long batch)
            throws SQLException {
        for (Resident r : part) {
            ps.setString(1, r.recordNo());
            ps.setString(2, r.name());
            ps.setString(3, r.formerName());
            ps.setString(4, Pinyin.full(r.name()));
            ps.setString(5, Pinyin.initials(r.name()));
            ps.setString(6, r.gender().name());
            ps.setObject(7, r.birthDate());
            ps.setBoolean(8, r.birthDateEstimated());
            ps.setString(9, r.ethnicity());
            ps.setString(10, r.idNumber());
            ps.setString(11, r.householdRegistration());
            ps.setString(12, r.category().name());
            ps.setObject(13, r.admissionDate());
            ps.setString(14, r.admissionSource().name());
            ps.setString(15, r.admissionFrom());
            ps.setString(16, r.disabilityType().name());
            ps.setObject(
                    17, r.disabilityGrade() == null ? null : r.disabilityGrade().shortValue(), Types.SMALLINT);
            ps.setString(18, r.guardianship().name());
            ps.setString(19, r.guardianshipNote());
            ps.setObject(20, r.livingGroupId(), Types.BIGINT);
            ps.setString(21, r.note());
            ps.setObject(22, now);
            ps.setString(23, actor);
            ps.setObject(24, batch, Types.BIGINT);
            ps.addBatch();
        }
        ps.executeBatch();
        Map<String, Long> idOf = new HashMap<>();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            while (rs.next()) {
                idOf.put(rs.getString(2), rs.getLong(1));
            }
        }
        if (idOf.size() != part.size()) {
            throw new IllegalStateException("generated keys: " + idOf.size() + " of " + part.size());
        }
        return idOf;
    }

    private static void bindEvent(PreparedStatement ps, long id, Resident r, String actor, LocalDateTime now)
            throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, ResidentStatus.IN_CARE.name());
        ps.setObject(3, r.admissionDate());
        ps.setObject(4, now);
        ps.setString(5, actor);
        ps.addBatch();
    }

    private static void bindGroup(PreparedStatement ps, long id, Resident r, String actor, LocalDateTime now)
            throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, r.livingGroupId());
        ps.setObject(3, r.admissionDate());
        ps.setObject(4, now);
        ps.setString(5, actor);
        ps.addBatch();
    }

    /** The same keys, numbered the same way, as {@link ResidentRepository} writes for a resident saved by hand. */
    private static void bindKeys(PreparedStatement ps, long id, Resident r) throws SQLException {
        long keyNo = id * ResidentRepository.KEYS_PER_RESIDENT;
        for (String key : SearchKeys.of(r)) {
            ps.setLong(1, keyNo++);
            ps.setString(2, key);
            ps.setLong(3, id);
            ps.addBatch();
        }
        if (keyNo > (id + 1) * ResidentRepository.KEYS_PER_RESIDENT) {
            throw new IllegalStateException("more search keys than a resident's range holds: " + (keyNo - id * 256));
        }
    }
}
