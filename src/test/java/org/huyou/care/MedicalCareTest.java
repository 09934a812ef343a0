package org.huyou.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.Medication;
import org.huyou.care.medical.MedicationService;
import org.huyou.common.Gender;
import org.huyou.common.UserFacingException;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Medical records, follow-up reminders around month ends, medication rounds across midnight, and sealing. */
class MedicalCareTest {

    @TempDir
    Path dir;

    AppContext ctx;
    MutableClock clock;
    Resident child;

    void openAt(LocalDateTime now) {
        clock = new MutableClock(now.toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));
        ctx = TestHome.open(dir, clock);
        child = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "周小宝",
                        null,
                        Gender.MALE,
                        LocalDate.of(2022, 1, 15),
                        false,
                        null,
                        null,
                        null,
                        Category.ORPHAN,
                        LocalDate.of(2022, 3, 1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void followUpsAreDueWithinTwoWeeksAndOverdueAfterTheirDateAcrossMonthEnds() {
        openAt(LocalDateTime.of(2026, 1, 31, 9, 0));
        ctx.medicalRecords()
                .add(
                        child.id(),
                        MedicalRecord.Kind.IMMUNISATION,
                        LocalDate.of(2026, 1, 10),
                        "乙肝疫苗第2剂",
                        null,
                        null,
                        LocalDate.of(2026, 2, 14));
        ctx.medicalRecords()
                .add(
                        child.id(),
                        MedicalRecord.Kind.CHECKUP,
                        LocalDate.of(2025, 7, 31),
                        "半年体检",
                        null,
                        null,
                        LocalDate.of(2026, 1, 31));
        ctx.medicalRecords()
                .add(
                        child.id(),
                        MedicalRecord.Kind.INSURANCE,
                        LocalDate.of(2025, 3, 1),
                        "城乡居民医保",
                        null,
                        MedicalRecord.Funding.MEDICAL_INSURANCE,
                        LocalDate.of(2026, 2, 28));
        List<Reminder> due = medicalReminders();
        // Jan 31 + 14 days = Feb 14: the vaccine is due, the checkup is due today (not overdue), insurance not yet
        assertEquals(
                List.of("半年体检", "乙肝疫苗第2剂"),
                due.stream().map(r -> r.what().split("：|: ")[1]).toList());
        assertTrue(due.stream().noneMatch(Reminder::overdue));

        clock.advance(Duration.ofDays(1)); // Feb 1
        due = medicalReminders();
        assertTrue(due.get(0).overdue(), "the checkup due on Jan 31 is overdue on Feb 1");
        clock.advance(Duration.ofDays(14)); // Feb 15: insurance (Feb 28) comes into the window
        assertEquals(3, medicalReminders().size());

        ctx.medicalRecords()
                .add(
                        child.id(),
                        MedicalRecord.Kind.CHECKUP,
                        LocalDate.of(2026, 2, 15),
                        "半年体检",
                        "正常",
                        null,
                        LocalDate.of(2026, 8, 15));
        assertEquals(2, medicalReminders().size(), "a later checkup closes the follow-up");
    }

    private List<Reminder> medicalReminders() {
        return ctx.reminders().due().stream().filter(r -> r.actions().isEmpty()).toList();
    }

    @Test
    void medicationRoundsAcrossMidnight() {
        openAt(LocalDateTime.of(2026, 3, 31, 22, 30));
        Medication.Order order = ctx.medication()
                .prescribe(
                        child.id(),
                        "阿莫西林颗粒",
                        "0.125g",
                        "08:00, 23:00",
                        LocalDate.of(2026, 3, 30),
                        LocalDate.of(2026, 4, 1),
                        null);
        // 22:30 on Mar 31: yesterday 08:00 and 23:00 (overdue), today 08:00 (overdue), today 23:00 (due)
        List<Medication.DueDose> due = ctx.medication().dueDoses();
        assertEquals(
                List.of(
                        LocalDateTime.of(2026, 3, 30, 8, 0),
                        LocalDateTime.of(2026, 3, 30, 23, 0),
                        LocalDateTime.of(2026, 3, 31, 8, 0),
                        LocalDateTime.of(2026, 3, 31, 23, 0)),
                due.stream().map(Medication.DueDose::scheduledFor).toList());

        ctx.medication().recordDose(order.id(), LocalDateTime.of(2026, 3, 31, 23, 0), Medication.Outcome.GIVEN, null);
        assertThrows(
                UserFacingException.class,
                () -> ctx.medication()
                        .recordDose(order.id(), LocalDateTime.of(2026, 3, 31, 23, 0), Medication.Outcome.GIVEN, null),
                "once only");

        clock.advance(Duration.ofHours(2)); // 00:30 on Apr 1: yesterday's rounds are still there to deal with
        due = ctx.medication().dueDoses();
        assertEquals(
                List.of(
                        LocalDateTime.of(2026, 3, 30, 8, 0),
                        LocalDateTime.of(2026, 3, 30, 23, 0),
                        LocalDateTime.of(2026, 3, 31, 8, 0),
                        LocalDateTime.of(2026, 4, 1, 8, 0),
                        LocalDateTime.of(2026, 4, 1, 23, 0)),
                due.stream().map(Medication.DueDose::scheduledFor).toList(),
                "Mar 30's doses stay until recorded (they used to fall out of a 24-hour window); Mar 31 23:00 was given");
        List<Reminder> reminders = ctx.reminders().due().stream()
                .filter(r -> !r.actions().isEmpty())
                .toList();
        assertTrue(reminders.get(0).overdue());
        assertTrue(
                reminders.get(0).what().contains("2026-03-30 08:00"),
                reminders.get(0).what());
        assertEquals(3, reminders.get(0).actions().size());
        reminders.get(0).actions().get(0).perform().run(); // "given", from the reminders screen
        assertEquals(
                Medication.Outcome.GIVEN,
                ctx.medication().administrations(child.id(), 10).get(0).outcome());
        assertEquals(4, ctx.medication().dueDoses().size());
        assertThrows(
                UserFacingException.class,
                () -> ctx.medication()
                        .recordDose(order.id(), LocalDateTime.of(2026, 4, 1, 9, 0), Medication.Outcome.GIVEN, null),
                "not a dose time");
    }

    @Test
    void aDoseNobodyRecordedStaysOverdueWithItsDateUntilRecordedForAWeek() {
        openAt(LocalDateTime.of(2026, 5, 9, 21, 0));
        Medication.Order order = ctx.medication()
                .prescribe(child.id(), "维生素D", "400IU", "08:00,20:00", LocalDate.of(2026, 5, 9), null, null);
        ctx.medication().recordDose(order.id(), LocalDateTime.of(2026, 5, 9, 8, 0), Medication.Outcome.GIVEN, null);
        LocalDateTime evening = LocalDateTime.of(2026, 5, 9, 20, 0); // nobody recorded it

        clock.advance(Duration.ofHours(11)); // the next morning, 08:00 on May 10
        List<Reminder> doses = ctx.reminders().due().stream()
                .filter(r -> !r.actions().isEmpty())
                .toList();
        assertEquals(LocalDate.of(2026, 5, 9), doses.get(0).due());
        assertTrue(doses.get(0).overdue(), "yesterday evening's dose is overdue this morning");
        assertTrue(
                doses.get(0).what().contains("2026-05-09 20:00"),
                "its day is named: " + doses.get(0).what());
        assertTrue(
                doses.stream()
                        .filter(r -> r.due().equals(LocalDate.of(2026, 5, 10)))
                        .noneMatch(r -> r.what().contains("2026-05-10")),
                "today's doses show their time only");

        clock.advance(Duration.ofDays(2)); // May 12: two days later it is still there, first
        assertEquals(evening, ctx.medication().dueDoses().get(0).scheduledFor());
        assertEquals(
                LocalDateTime.of(2026, 5, 10, 8, 0),
                ctx.medication().dueDoses().get(1).scheduledFor());
        ctx.medication().recordDose(order.id(), evening, Medication.Outcome.MISSED, null);
        assertTrue(
                ctx.medication().dueDoses().stream()
                        .noneMatch(d -> d.scheduledFor().equals(evening)),
                "recorded (here as missed), it goes");

        clock.advance(Duration.ofDays(8)); // May 20: a week back is the bound
        assertEquals(
                LocalDateTime.of(2026, 5, 13, 8, 0),
                ctx.medication().dueDoses().get(0).scheduledFor());
        assertEquals(
                2 * (MedicationService.OVERDUE_DAYS + 1),
                ctx.medication().dueDoses().size(),
                "May 13 to 19 and today");
    }

    @Test
    void aCaregiverGivesDosesButCannotReadDiagnoses() {
        openAt(LocalDateTime.of(2026, 5, 10, 8, 10));
        ctx.medicalRecords()
                .add(
                        child.id(),
                        MedicalRecord.Kind.DIAGNOSIS,
                        LocalDate.of(2026, 5, 1),
                        "先天性心脏病",
                        null,
                        MedicalRecord.Funding.TOMORROW_PLAN,
                        null);
        Medication.Order order =
                ctx.medication().prescribe(child.id(), "维生素D", "400IU", "08:00", LocalDate.of(2026, 5, 1), null, null);
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        TestHome.loginAs(ctx, "carer", Role.CAREGIVER);
        assertThrows(PermissionDeniedException.class, () -> ctx.medicalRecords().records(child.id()));
        assertTrue(
                ctx
                        .timeline()
                        .page(child.id(), TimelineService.Filter.all(), TimelineCursor.START, 50)
                        .entries()
                        .stream()
                        .noneMatch(e -> e.summary().contains("心脏病")),
                "no diagnosis on a caregiver's timeline");
        ctx.medication().recordDose(order.id(), LocalDateTime.of(2026, 5, 10, 8, 0), Medication.Outcome.GIVEN, null);
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.medication().prescribe(child.id(), "x", "y", "08:00", LocalDate.of(2026, 5, 1), null, null));
    }
}
