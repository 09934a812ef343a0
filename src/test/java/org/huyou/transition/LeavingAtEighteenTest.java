package org.huyou.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.huyou.allowance.Roll;
import org.huyou.care.Reminder;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.residents.AgeBand;
import org.huyou.residents.InCare;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;
import org.huyou.residents.StatusEvent;
import org.huyou.security.Role;
import org.huyou.statistics.Chart;
import org.huyou.statistics.Figure;
import org.huyou.statistics.Series;
import org.huyou.statistics.StatisticsService;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leaving recorded on the transition plan moves the young person out of every "in care" count at once: the
 * register (成年离院, its filter and history), the daily rounds, the allowance roll, the statistics (the in-care
 * figures, the 18-and-over band, the departures), the reminders and the transition dashboard's 已离院 list.
 */
class LeavingAtEighteenTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    CareStaff home;

    @AfterEach
    void close() {
        if (home != null) {
            home.close();
        }
    }

    /** Assessed, transfer to a welfare institution decided and approved, left on the day: the plan's id. */
    long leave(LocalDate day) {
        TransitionService transition = home.ctx.transition();
        home.as(Role.SOCIAL_WORKER);
        transition.assess(home.child.id(), TODAY, List.of(1, 1, 1, 1, 1, 1), null, null);
        TransitionPlan p = transition.decide(home.child.id(), Pathway.WELFARE_TRANSFER, "需长期照料", null, null);
        home.as(Role.DIRECTOR);
        transition.approve(p.id(), p.version());
        home.as(Role.SOCIAL_WORKER);
        transition.recordLeaving(p.id(), day);
        return p.id();
    }

    @Test
    void anAdultWhoLeavesIsNoLongerCountedInCareAnywhere() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2008, 3, 1)); // 18 since March, still in the home
        long child = home.child.id();
        home.as(Role.MEDICAL_STAFF);
        home.ctx
                .medicalRecords()
                .add(child, MedicalRecord.Kind.CHECKUP, TODAY.minusMonths(6), "年度体检", null, null, TODAY.plusDays(3));
        assertTrue(reminded(child), "a checkup falls due while in care");
        home.as(Role.DIRECTOR);
        StatisticsService.Dashboard before = home.ctx.statistics().dashboard(TODAY.getYear());
        assertEquals(
                BigDecimal.ONE,
                count(before.chart(Figure.RESIDENTS_BY_AGE_BAND), AgeBand.ADULT.name()),
                "the 18-and-over list holds her while she is here");
        assertEquals(BigDecimal.ONE, before.chart(Figure.RESIDENTS_BY_CATEGORY).total());
        assertTrue(inRounds(child));

        long plan = leave(TODAY);

        // The register: 成年离院, found under that status, and the history entry names the pathway carried out.
        assertEquals(
                Optional.of(ResidentStatus.ADULT_TRANSITION),
                home.ctx.residents().currentStatus(child));
        assertEquals("成年离院", ResidentStatus.ADULT_TRANSITION.label());
        assertEquals(
                List.of(child),
                home
                        .ctx
                        .residents()
                        .search(new ResidentFilter(null, ResidentStatus.ADULT_TRANSITION, null, null, null, null), 10)
                        .stream()
                        .map(ResidentSummary::id)
                        .toList());
        List<StatusEvent> history = home.ctx.residents().statusHistory(child);
        StatusEvent left = history.stream()
                .filter(e -> e.status() == ResidentStatus.ADULT_TRANSITION)
                .findFirst()
                .orElseThrow();
        assertEquals("按成年安置方案离院：转入社会福利机构", left.note());
        assertFalse(InCare.on(history, TODAY));
        assertTrue(InCare.on(history, TODAY.minusDays(1)), "in care up to the day before");

        assertFalse(inRounds(child), "the daily rounds no longer list her");
        assertFalse(reminded(child), "nor do the reminders");
        home.as(Role.DIRECTOR);
        StatisticsService.Dashboard after = home.ctx.statistics().dashboard(TODAY.getYear());
        assertEquals(BigDecimal.ZERO, count(after.chart(Figure.RESIDENTS_BY_AGE_BAND), AgeBand.ADULT.name()));
        assertEquals(BigDecimal.ZERO, after.chart(Figure.RESIDENTS_BY_CATEGORY).total(), "在院儿童 no longer counts her");
        assertEquals(
                BigDecimal.ONE, count(after.chart(Figure.RESIDENTS_BY_STATUS), ResidentStatus.ADULT_TRANSITION.name()));
        assertEquals(
                BigDecimal.ONE,
                after.chart(Figure.DEPARTURES_BY_DESTINATION).points().stream()
                        .filter(p -> p.xKey().equals(String.valueOf(TODAY.getYear()))
                                && p.seriesKey().equals(Series.ADULT_LEFT.name()))
                        .map(Chart.Point::value)
                        .findFirst()
                        .orElse(BigDecimal.ZERO),
                "counted once among the departures");

        // The transition dashboard: on the 已离院 list with the pathway carried out, not "未决定".
        home.as(Role.SOCIAL_WORKER);
        TransitionService.Dashboard d = home.ctx.transition().dashboard();
        assertTrue(d.adults().isEmpty());
        assertEquals(Pathway.WELFARE_TRANSFER, d.left().get(0).pathway());
        assertEquals(4, home.ctx.transition().followUps(plan).size());
    }

    @Test
    void theRollPaysUpToTheDayOfLeavingAndNotAfter() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2009, 6, 10)); // 17: leaves before the 18th birthday
        leave(LocalDate.of(2026, 11, 10));
        home.as(Role.DIRECTOR);
        home.ctx.allowance().setRegion("山东省滨州市");
        Roll november = home.ctx.allowance().roll(YearMonth.of(2026, 11));
        assertEquals(
                10,
                november.lines().stream()
                        .filter(l -> l.residentId() == home.child.id())
                        .findFirst()
                        .orElseThrow()
                        .daysInCare(),
                "the 1st to the day of leaving, both counted");
        home.clock.advance(java.time.Duration.ofDays(40));
        assertTrue(
                home.ctx.allowance().roll(YearMonth.of(2026, 12)).lines().stream()
                        .noneMatch(l -> l.residentId() == home.child.id()),
                "not on the next month's roll");
    }

    private boolean reminded(long child) {
        home.as(Role.MEDICAL_STAFF);
        List<Reminder> due = home.ctx.reminders().due();
        return due.stream().anyMatch(r -> r.residentId() == child);
    }

    /** The daily rounds list the children in care in the home (the filter the daily log screen loads with). */
    private boolean inRounds(long child) {
        home.as(Role.CAREGIVER);
        return home
                .ctx
                .residents()
                .search(new ResidentFilter(null, ResidentStatus.IN_CARE, null, null, null, null), 500)
                .stream()
                .anyMatch(r -> r.id() == child);
    }

    private static BigDecimal count(Chart chart, String xKey) {
        return chart.points().stream()
                .filter(p -> p.xKey().equals(xKey))
                .map(Chart.Point::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
