package org.huyou.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huyou.app.AppContext;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Mood;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyCareChoices.Sleep;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.care.daily.ShiftSavedMeanwhileException;
import org.huyou.care.growth.GrowthPoint;
import org.huyou.care.medical.Allergy;
import org.huyou.common.Gender;
import org.huyou.common.ValidationException;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CareRecordTest {

    @TempDir
    Path dir;

    AppContext ctx;
    Resident child;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir);
        // a girl born two years before "today"
        child = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "李小花",
                        null,
                        Gender.FEMALE,
                        TestHome.TODAY.minusYears(2),
                        false,
                        "01",
                        null,
                        null,
                        Category.ORPHAN,
                        TestHome.TODAY.minusYears(1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        // a nurse who also works shifts: records growth, daily care and allergies
        TestHome.loginAs(ctx, "carer", Role.CAREGIVER, Role.MEDICAL_STAFF);
    }

    private void switchTo(String username, Role role) {
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        TestHome.loginAs(ctx, username, role);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void growthMeasurementGetsZScoresAndAFlagOnTheRemindersScreen() {
        GrowthPoint normal = ctx.growth()
                .record(
                        child.id(),
                        TestHome.TODAY.minusMonths(1),
                        new BigDecimal("85.0"),
                        new BigDecimal("11.5"),
                        new BigDecimal("47.0"),
                        null);
        assertNotNull(normal.weightZ());
        assertTrue(Math.abs(normal.weightZ()) < 1, "11.5 kg is near the median for a 23-month girl");
        assertFalse(normal.flagged());
        assertTrue(ctx.reminders().due().isEmpty());

        GrowthPoint thin = ctx.growth()
                .record(child.id(), TestHome.TODAY, new BigDecimal("84.0"), new BigDecimal("8.6"), null, "腹泻后");
        assertTrue(thin.weightZ() < -2, "8.6 kg at 24 months is underweight: z=" + thin.weightZ());
        assertTrue(thin.flagged());
        List<Reminder> due = ctx.reminders().due();
        assertEquals(1, due.size());
        assertEquals("李小花", due.get(0).residentName());
        assertTrue(due.get(0).what().contains("低体重"), due.get(0).what());

        ctx.growth().voidMeasurement(thin.id(), "称重有误");
        assertTrue(ctx.reminders().due().isEmpty(), "the flag follows the latest valid measurement");
        assertEquals(2, ctx.growth().series(child.id()).size(), "voided measurements stay in the series");
    }

    @Test
    void theFlagFollowsTheLastMeasurementRecordedOnTheLatestDay() {
        // Two weighings on one day: the one recorded last is the latest, as it was before the query was rewritten.
        ctx.growth()
                .record(
                        child.id(),
                        TestHome.TODAY.minusMonths(2),
                        new BigDecimal("84.0"),
                        new BigDecimal("8.6"),
                        null,
                        null);
        ctx.growth().record(child.id(), TestHome.TODAY, new BigDecimal("84.0"), new BigDecimal("8.6"), null, null);
        assertEquals(1, ctx.reminders().due().size());
        ctx.growth().record(child.id(), TestHome.TODAY, new BigDecimal("85.0"), new BigDecimal("11.5"), null, "复称");
        assertTrue(ctx.reminders().due().isEmpty(), "the second weighing of the day is the latest");
    }

    @Test
    void caregiverAssignmentsKeepTheirHistoryAndGroupChangesAreRecorded() {
        ctx.caregivers().assign(child.id(), "张阿姨", TestHome.TODAY.minusMonths(6), null);
        ctx.caregivers().assign(child.id(), "李阿姨", TestHome.TODAY.minusDays(10), "张阿姨调岗");
        var history = ctx.caregivers().history(child.id());
        assertEquals(
                List.of("李阿姨", "张阿姨"), history.stream().map(a -> a.caregiver()).toList());
        assertNull(history.get(0).to());
        assertEquals(TestHome.TODAY.minusDays(11), history.get(1).to());
        assertThrows(
                org.huyou.common.UserFacingException.class,
                () -> ctx.caregivers().assign(child.id(), "王阿姨", TestHome.TODAY.minusDays(20), null),
                "an earlier start than the current one is refused");

        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        var g1 = ctx.residents().createLivingGroup("一组");
        var g2 = ctx.residents().createLivingGroup("二组");
        Resident r = ctx.residents().get(child.id());
        Resident moved = ctx.residents().update(withGroup(r, g1.id()));
        ctx.residents().update(withGroup(moved, g2.id()));
        assertEquals(
                List.of("一组", "二组"),
                ctx.residents().groupHistory(child.id()).stream()
                        .map(m -> m.groupName())
                        .toList());
    }

    private static Resident withGroup(Resident r, Long group) {
        return new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                r.name(),
                r.formerName(),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                r.ethnicity(),
                r.idNumber(),
                r.householdRegistration(),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                r.admissionFrom(),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                r.guardianshipNote(),
                group,
                r.note());
    }

    @Test
    void growthInputIsValidated() {
        assertThrows(
                ValidationException.class,
                () -> ctx.growth().record(child.id(), TestHome.TODAY, null, null, null, null));
        assertThrows(
                ValidationException.class,
                () -> ctx.growth()
                        .record(child.id(), TestHome.TODAY.plusDays(1), null, new BigDecimal("10"), null, null));
        ValidationException tooTall = assertThrows(
                ValidationException.class,
                () -> ctx.growth().record(child.id(), TestHome.TODAY, new BigDecimal("500"), null, null, null));
        // the error dialog shows only the sentence: it must say which field is out of range
        assertTrue(
                tooTall.userMessage().contains(org.huyou.common.Messages.t("growth.heightCm")), tooTall.userMessage());
        assertThrows(
                ValidationException.class,
                () -> ctx.growth()
                        .record(child.id(), TestHome.TODAY.minusYears(3), null, new BigDecimal("10"), null, null));
        assertTrue(ctx.growth().series(child.id()).isEmpty());
    }

    @Test
    void aShiftIsRecordedForAGroupInOnePassAndASecondSaveCorrects() {
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        Resident other = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "王小军",
                        null,
                        Gender.MALE,
                        TestHome.TODAY.minusYears(5),
                        false,
                        null,
                        null,
                        null,
                        Category.ORPHAN,
                        TestHome.TODAY.minusYears(1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        ctx.login().logout();
        ctx.login().login("carer", TestHome.PASSWORD.toCharArray());
        List<DailyLogEntry> shift = List.of(
                new DailyLogEntry(
                        null, child.id(), null, null, Meals.ALL, Sleep.GOOD, null, Mood.HAPPY, null, null, null, false),
                new DailyLogEntry(
                        null,
                        other.id(),
                        null,
                        null,
                        Meals.HALF,
                        Sleep.RESTLESS,
                        null,
                        Mood.UPSET,
                        "午睡时哭闹",
                        null,
                        null,
                        false));
        assertEquals(2, ctx.dailyCare().recordShift(TestHome.TODAY, Shift.DAY, shift));
        assertEquals(0, ctx.dailyCare().recordShift(TestHome.TODAY, Shift.DAY, shift), "unchanged: nothing new");
        // A correction names the entry it was made over (what the screen showed); one made over nothing, when an
        // entry stands, is someone else's save met unseen: refused, naming who saved.
        List<DailyLogEntry> unseen = List.of(new DailyLogEntry(
                null,
                other.id(),
                null,
                null,
                Meals.MOST,
                Sleep.RESTLESS,
                null,
                Mood.UPSET,
                "午睡时哭闹",
                null,
                null,
                false));
        var refused = assertThrows(
                ShiftSavedMeanwhileException.class,
                () -> ctx.dailyCare().recordShift(TestHome.TODAY, Shift.DAY, unseen));
        assertEquals(
                Map.of(
                        other.id(),
                        ctx.dailyCare()
                                .forShift(List.of(other.id()), TestHome.TODAY, Shift.DAY)
                                .get(other.id())
                                .id()),
                refused.current());
        assertTrue(refused.userMessage().contains(refused.updatedBy()), refused.userMessage());
        long shown = refused.current().get(other.id());
        List<DailyLogEntry> corrected = List.of(new DailyLogEntry(
                shown,
                other.id(),
                null,
                null,
                Meals.MOST,
                Sleep.RESTLESS,
                null,
                Mood.UPSET,
                "午睡时哭闹",
                null,
                null,
                false));
        assertEquals(1, ctx.dailyCare().recordShift(TestHome.TODAY, Shift.DAY, corrected));
        var now = ctx.dailyCare().forShift(List.of(child.id(), other.id()), TestHome.TODAY, Shift.DAY);
        assertEquals(Meals.MOST, now.get(other.id()).meals());
        var timeline = ctx.timeline().page(other.id(), TimelineService.Filter.all(), TimelineCursor.START, 10);
        assertEquals(2, timeline.entries().size(), "the corrected entry stays, voided");
        assertTrue(timeline.entries().stream().anyMatch(TimelineEntry::voided));
    }

    @Test
    void timelinePagesThroughThousandsOfEntriesInOrderWithoutGapsOrRepeats() {
        List<DailyLogEntry> one = new ArrayList<>();
        for (int d = 0; d < 400; d++) {
            for (Shift s : Shift.values()) {
                ctx.dailyCare()
                        .recordShift(
                                TestHome.TODAY.minusDays(d),
                                s,
                                List.of(new DailyLogEntry(
                                        null,
                                        child.id(),
                                        null,
                                        null,
                                        Meals.ALL,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        false)));
            }
            if (d % 30 == 0) {
                ctx.growth().record(child.id(), TestHome.TODAY.minusDays(d), null, new BigDecimal("11"), null, null);
            }
        }
        ctx.allergies().add(child.id(), "花生", null, "皮疹", Allergy.Severity.SEVERE, TestHome.TODAY.minusDays(100), true);
        Set<String> seen = new HashSet<>();
        TimelineCursor cursor = TimelineCursor.START;
        LocalDate previous = LocalDate.MAX;
        int pages = 0;
        while (cursor != null) {
            TimelineService.Page page = ctx.timeline().page(child.id(), TimelineService.Filter.all(), cursor, 50);
            for (TimelineEntry e : page.entries()) {
                assertTrue(!e.date().isAfter(previous), "newest first");
                previous = e.date();
                assertTrue(seen.add(e.domain() + ":" + e.id()), "no repeats: " + e);
            }
            cursor = page.next();
            pages++;
        }
        assertEquals(1200 + 14 + 1, seen.size());
        assertTrue(pages >= 24);

        var growthOnly = ctx.timeline()
                .page(
                        child.id(),
                        new TimelineService.Filter(
                                Set.of(CareDomain.GROWTH), TestHome.TODAY.minusDays(100), TestHome.TODAY),
                        TimelineCursor.START,
                        100);
        assertEquals(4, growthOnly.entries().size());
        assertNull(growthOnly.next());
    }

    @Test
    void aCaregiverRecordsDailyCareButSeesNoMedicalEntriesAndMedicalStaffDo() {
        ctx.allergies().add(child.id(), "青霉素", null, Allergy.Severity.MODERATE, null);
        switchTo("caregiver1", Role.CAREGIVER);
        ctx.dailyCare()
                .recordShift(
                        TestHome.TODAY,
                        Shift.NIGHT,
                        List.of(new DailyLogEntry(
                                null, child.id(), null, null, null, Sleep.GOOD, null, null, null, null, null, false)));
        assertEquals(1, ctx.allergies().current(child.id()).size(), "the allergy warning is for everyone");
        // No medical entries; psychology and incidents appear only as "an entry exists" (sealed sources).
        assertEquals(
                List.of(
                        CareDomain.UPBRINGING,
                        CareDomain.GROWTH,
                        CareDomain.REHABILITATION,
                        CareDomain.EDUCATION,
                        CareDomain.PSYCHOLOGY,
                        CareDomain.INCIDENT,
                        CareDomain.CARE_PLAN),
                ctx.timeline().visibleDomains());
        assertTrue(
                ctx
                        .timeline()
                        .page(child.id(), TimelineService.Filter.all(), TimelineCursor.START, 10)
                        .entries()
                        .stream()
                        .noneMatch(e -> e.domain() == CareDomain.MEDICAL));
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.allergies().add(child.id(), "x", null, Allergy.Severity.MILD, null));

        switchTo("nurse1", Role.MEDICAL_STAFF);
        assertTrue(
                ctx
                        .timeline()
                        .page(child.id(), TimelineService.Filter.all(), TimelineCursor.START, 10)
                        .entries()
                        .stream()
                        .anyMatch(e -> e.domain() == CareDomain.MEDICAL));
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.dailyCare().recordShift(TestHome.TODAY, Shift.DAY, List.of()));
    }
}
