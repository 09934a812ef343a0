package org.huyou.care;

import static org.huyou.db.generated.Tables.GROWTH_MEASUREMENT;
import static org.huyou.db.generated.Tables.MEDICAL_RECORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.care.growth.GrowthRepository;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordRepository;
import org.huyou.common.Gender;
import org.huyou.db.Voiding;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reminders' rewritten queries return (issue 31: the newest measurement by an index, the follow-ups by a
 * bounded range): ties, voided rows and residents no longer in care, on the real database.
 */
class ReminderQueriesTest {

    static final LocalDate TODAY = TestHome.TODAY;

    @TempDir
    Path dir;

    AppContext ctx;
    Resident a;
    Resident b;
    Resident adopted;
    Resident none;
    java.sql.Connection connection;
    org.jooq.DSLContext dsl;

    @BeforeEach
    void open() throws java.sql.SQLException {
        ctx = TestHome.open(dir);
        a = child("甲");
        b = child("乙");
        adopted = child("丙");
        none = child("丁");
        ctx.residents().recordStatus(adopted.id(), ResidentStatus.ADOPTED, TODAY.minusDays(3), "收养登记");
        TestHome.loginAs(ctx, "nurse", Role.CAREGIVER, Role.MEDICAL_STAFF);
        // the repositories on a connection of the home's own pool: the queries as the services run them
        connection = DirectSql.connect(ctx);
        dsl = DirectSql.jooq(ctx, connection);
    }

    @AfterEach
    void close() throws java.sql.SQLException {
        connection.close();
        ctx.close();
    }

    private Resident child(String name) {
        return ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        name,
                        null,
                        Gender.FEMALE,
                        TODAY.minusYears(2),
                        false,
                        "01",
                        null,
                        null,
                        Category.ORPHAN,
                        TODAY.minusYears(1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
    }

    private long measure(Resident r, LocalDate day, String weight) {
        return ctx.growth()
                .record(r.id(), day, new BigDecimal("85.0"), new BigDecimal(weight), null, null)
                .id();
    }

    private void voidRow(org.jooq.Table<?> table, long id) {
        Voiding.voidRow(dsl, table, id, "录错", "nurse", TODAY.atTime(9, 0));
    }

    /** Each resident's newest measurement's weight, by name. */
    private Map<String, String> latest() {
        return new GrowthRepository(dsl)
                .latestOfResidentsInCare().stream()
                        .collect(Collectors.toMap(
                                GrowthRepository.Latest::name,
                                l -> l.weightKg().stripTrailingZeros().toPlainString() + "@" + l.date(),
                                (x, y) -> x + "," + y,
                                TreeMap::new));
    }

    @Test
    void newestMeasurementOfEachResidentInCareTheLaterEntryOfOneDayVoidedOnesSkipped() {
        measure(a, TODAY.minusMonths(2), "10.5");
        measure(a, TODAY.minusMonths(1), "11.0");
        long tie = measure(a, TODAY.minusMonths(1), "11.2"); // same day, entered later: the newer
        long bLast = measure(b, TODAY.minusMonths(1), "12.0");
        measure(b, TODAY.minusMonths(3), "11.0"); // entered after, but measured earlier
        measure(adopted, TODAY.minusMonths(1), "12.5"); // no longer in care
        assertEquals(Map.of("甲", "11.2@" + TODAY.minusMonths(1), "乙", "12@" + TODAY.minusMonths(1)), latest());

        voidRow(GROWTH_MEASUREMENT, tie);
        voidRow(GROWTH_MEASUREMENT, bLast);
        assertEquals(Map.of("甲", "11@" + TODAY.minusMonths(1), "乙", "11@" + TODAY.minusMonths(3)), latest());

        dsl.update(GROWTH_MEASUREMENT)
                .set(GROWTH_MEASUREMENT.VOIDED_AT, TODAY.atTime(9, 0))
                .set(GROWTH_MEASUREMENT.VOIDED_BY, "nurse")
                .set(GROWTH_MEASUREMENT.VOIDED_REASON, "录错")
                .where(GROWTH_MEASUREMENT.RESIDENT_ID.eq(b.id()))
                .execute();
        assertEquals(Map.of("甲", "11@" + TODAY.minusMonths(1)), latest(), "all of 乙's voided: none, as 丁");
    }

    private long record(Resident r, MedicalRecord.Kind kind, LocalDate day, String title, LocalDate nextDue) {
        return ctx.medicalRecords()
                .add(r.id(), kind, day, title, null, null, nextDue)
                .id();
    }

    /** The open follow-ups until {@code until}, as "name title next-due", sorted. */
    private java.util.List<String> followUps(LocalDate until) {
        return new MedicalRecordRepository(dsl)
                .openFollowUps(until).stream()
                        .map(f -> f.residentName() + " " + f.record().title() + " "
                                + f.record().nextDue())
                        .sorted()
                        .toList();
    }

    @Test
    void openFollowUpsAreTheLatestOfTheirKindAndTitleDueByTheDayNotVoidedOfResidentsInCare() {
        LocalDate until = TODAY.plusDays(14);
        record(a, MedicalRecord.Kind.IMMUNISATION, TODAY.minusMonths(2), "乙肝疫苗", TODAY.minusMonths(1)); // superseded
        record(a, MedicalRecord.Kind.IMMUNISATION, TODAY.minusMonths(1), "乙肝疫苗", until); // due on the last day
        record(a, MedicalRecord.Kind.CHECKUP, TODAY.minusMonths(1), "乙肝疫苗", TODAY); // another kind: its own
        record(a, MedicalRecord.Kind.CHECKUP, TODAY.minusDays(1), "体检", until.plusDays(1)); // not due yet
        record(a, MedicalRecord.Kind.DIAGNOSIS, TODAY.minusDays(1), "感冒", null); // no follow-up
        record(b, MedicalRecord.Kind.CHECKUP, TODAY.minusMonths(3), "复查", TODAY.minusDays(5)); // overdue
        long later = record(b, MedicalRecord.Kind.CHECKUP, TODAY.minusMonths(1), "复查", null); // supersedes...
        long voided = record(b, MedicalRecord.Kind.TREATMENT, TODAY.minusDays(3), "康复", TODAY);
        record(adopted, MedicalRecord.Kind.CHECKUP, TODAY.minusDays(3), "复查", TODAY); // no longer in care
        assertEquals(java.util.List.of("乙 康复 " + TODAY, "甲 乙肝疫苗 " + TODAY, "甲 乙肝疫苗 " + until), followUps(until));

        voidRow(MEDICAL_RECORD, later); // ...until voided: the earlier one is open again
        voidRow(MEDICAL_RECORD, voided);
        assertEquals(
                java.util.List.of("乙 复查 " + TODAY.minusDays(5), "甲 乙肝疫苗 " + TODAY, "甲 乙肝疫苗 " + until),
                followUps(until));
    }
}
