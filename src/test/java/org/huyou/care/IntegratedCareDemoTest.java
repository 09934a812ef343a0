package org.huyou.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.care.psych.PsychCase;
import org.huyou.care.psych.RiskGrade;
import org.huyou.residents.demo.DemoHome;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo home carries realistic integrated care that every discipline's screens have something to show. */
class IntegratedCareDemoTest {

    @TempDir
    Path dir;

    @Test
    void theDemoHasPlansSessionsAssessmentsIncidentsAndCarePlansForEveryDiscipline() throws java.sql.SQLException {
        try (AppContext ctx = TestHome.open(dir)) {
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
            ctx.accounts()
                    .create(
                            "all",
                            "全科",
                            TestHome.PASSWORD,
                            EnumSet.of(
                                    Role.DIRECTOR,
                                    Role.REHABILITATION_THERAPIST,
                                    Role.TEACHER,
                                    Role.PSYCHOLOGIST,
                                    Role.SOCIAL_WORKER,
                                    Role.FRONT_DESK));
            ctx.login().logout();
            ctx.login().login("all", TestHome.PASSWORD.toCharArray());

            assertTrue(ctx.rehab().caseload(false).size() >= 20, "most children in care are disabled");
            assertTrue(ctx.rehab().caseload(false).stream().allMatch(c -> c.goals() >= 1 && c.lastSession() != null));
            assertTrue(ctx.education().caseload(false).size() >= 30);
            List<PsychCase> psych = ctx.psychology().caseload(false);
            assertTrue(psych.size() >= 10, "screened: " + psych.size());
            assertTrue(psych.stream().anyMatch(c -> c.grade() == RiskGrade.HIGH));
            assertTrue(
                    psych.stream().filter(c -> c.grade() == RiskGrade.LOW).count() > psych.size() / 2,
                    "most children are at low risk");
            List<Reminder> due = ctx.reminders().due();
            assertEquals(
                    1,
                    due.stream().filter(r -> r.domain() == CareDomain.INCIDENT).count(),
                    "one mandatory report (the self-harm) is still to be recorded");
            assertEquals(
                    2,
                    due.stream()
                            .filter(r -> r.domain() == CareDomain.CARE_PLAN
                                    && r.what().contains("待审批"))
                            .count(),
                    "two drafts wait for the director");
            assertTrue(due.stream().anyMatch(r -> r.domain() == CareDomain.REHABILITATION));
            assertTrue(due.stream().anyMatch(r -> r.domain() == CareDomain.EDUCATION));
            assertTrue(due.stream().anyMatch(r -> r.domain() == CareDomain.PSYCHOLOGY));

            // A year of donations on a whole chain, every fund and stock at or above zero, one payment to approve.
            var ledger = ctx.ledger();
            assertTrue(ledger.verify().ok());
            assertTrue(
                    ledger.verify().entries() > 100,
                    "entries: " + ledger.verify().entries());
            assertTrue(ledger.balances(null).stream().allMatch(b -> b.balance().signum() >= 0));
            assertTrue(ledger.stock(null).stream().allMatch(s -> s.quantity().signum() >= 0));
            assertEquals(1, ledger.pendingRequests().size());
            var year = ctx.disclosures().build(TestHome.TODAY.minusYears(1), TestHome.TODAY);
            var t = year.total();
            assertEquals(0, t.opening().add(t.received()).subtract(t.used()).compareTo(t.closing()));
            assertTrue(t.received().signum() > 0
                    && t.used().signum() > 0
                    && !year.goods().isEmpty());

            // Volunteers with checks (three to renew), months of shifts with hours; a year of open days.
            assertEquals(3, ctx.volunteers().checksToRenew().size());
            assertTrue(ctx.volunteers().list(null, 100).size() >= 20);
            var hours = ctx.shifts().hoursPerVolunteer(TestHome.TODAY.minusMonths(4), TestHome.TODAY);
            assertTrue(
                    hours.size() >= 10 && hours.stream().allMatch(h -> h.hours().signum() > 0));
            assertTrue(
                    ctx.shifts().activities(TestHome.TODAY, TestHome.TODAY.plusMonths(1)).stream()
                            .anyMatch(p -> p.signedUp() > 0),
                    "next month is planned");
            var visits = ctx.visits().statistics(TestHome.TODAY.getYear());
            assertTrue(visits.size() >= 10 && visits.stream().allMatch(m -> m.groups() > 0));
            var old = ctx.visits()
                    .visits(ctx.openDay()
                            .rule()
                            .sessionDates(TestHome.TODAY.getYear())
                            .get(0));
            assertTrue(
                    !old.isEmpty() && old.stream().allMatch(org.huyou.openday.Visit::personalDataRemoved),
                    "January's visitors are past the retention period");

            // Every resident aged 16 and over assessed; pathways waiting for the director and approved ones.
            var dash = ctx.transition().dashboard();
            var all = new java.util.ArrayList<>(dash.turning());
            all.addAll(dash.adults());
            assertTrue(all.size() >= 6, "16 and over: " + all.size());
            assertTrue(all.stream()
                    .allMatch(r -> !ctx.transition().assessments(r.residentId()).isEmpty()));
            assertTrue(all.stream().anyMatch(r -> r.planStatus() == org.huyou.transition.TransitionPlan.Status.DRAFT));
            assertTrue(
                    all.stream().anyMatch(r -> r.planStatus() == org.huyou.transition.TransitionPlan.Status.APPROVED));

            // the demo keeps the second pair of eyes the services require: nothing approved by who submitted it
            try (var c = org.huyou.app.DirectSql.connect(ctx)) {
                var dsl = org.huyou.app.DirectSql.jooq(ctx, c);
                for (String[] pair : List.of(
                        new String[] {"transition_plan", "decided_by"}, new String[] {"care_plan", "created_by"})) {
                    assertTrue(
                            dsl.fetchCount(dsl.selectFrom(pair[0]).where("approved_by is not null")) > 0,
                            pair[0] + " has approvals");
                    assertEquals(
                            0,
                            dsl.fetchCount(dsl.selectFrom(pair[0]).where("approved_by = " + pair[1])),
                            pair[0] + " approved by its submitter");
                }
            }
        }
    }
}
