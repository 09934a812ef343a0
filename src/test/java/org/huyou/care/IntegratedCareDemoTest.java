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
    void theDemoHasPlansSessionsAssessmentsIncidentsAndCarePlansForEveryDiscipline() {
        try (AppContext ctx = TestHome.open(dir)) {
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
            ctx.accounts().create("all", "全科", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR,
                    Role.REHABILITATION_THERAPIST, Role.TEACHER, Role.PSYCHOLOGIST, Role.SOCIAL_WORKER));
            ctx.login().logout();
            ctx.login().login("all", TestHome.PASSWORD.toCharArray());

            assertTrue(ctx.rehab().caseload(false).size() >= 20, "most children in care are disabled");
            assertTrue(ctx.rehab().caseload(false).stream().allMatch(c -> c.goals() >= 1 && c.lastSession() != null));
            assertTrue(ctx.education().caseload(false).size() >= 30);
            List<PsychCase> psych = ctx.psychology().caseload(false);
            assertTrue(psych.size() >= 10, "screened: " + psych.size());
            assertTrue(psych.stream().anyMatch(c -> c.grade() == RiskGrade.HIGH));
            assertTrue(psych.stream().filter(c -> c.grade() == RiskGrade.LOW).count() > psych.size() / 2,
                    "most children are at low risk");
            List<Reminder> due = ctx.reminders().due();
            assertEquals(1, due.stream().filter(r -> r.domain() == CareDomain.INCIDENT).count(),
                    "one mandatory report (the self-harm) is still to be recorded");
            assertEquals(2, due.stream().filter(r -> r.domain() == CareDomain.CARE_PLAN
                    && r.what().contains("待审批")).count(), "two drafts wait for the director");
            assertTrue(due.stream().anyMatch(r -> r.domain() == CareDomain.REHABILITATION));
            assertTrue(due.stream().anyMatch(r -> r.domain() == CareDomain.EDUCATION));
            assertTrue(due.stream().anyMatch(r -> r.domain() == CareDomain.PSYCHOLOGY));

            // A year of donations on a whole chain, every fund and stock at or above zero, one payment to approve.
            var ledger = ctx.ledger();
            assertTrue(ledger.verify().ok());
            assertTrue(ledger.verify().entries() > 100, "entries: " + ledger.verify().entries());
            assertTrue(ledger.balances(null).stream().allMatch(b -> b.balance().signum() >= 0));
            assertTrue(ledger.stock(null).stream().allMatch(s -> s.quantity().signum() >= 0));
            assertEquals(1, ledger.pendingRequests().size());
            var year = ctx.disclosures().build(TestHome.TODAY.minusYears(1), TestHome.TODAY);
            var t = year.total();
            assertEquals(0, t.opening().add(t.received()).subtract(t.used()).compareTo(t.closing()));
            assertTrue(t.received().signum() > 0 && t.used().signum() > 0 && !year.goods().isEmpty());
        }
    }
}
