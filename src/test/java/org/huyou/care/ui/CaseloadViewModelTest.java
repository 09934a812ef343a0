package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.rehab.Rehab;
import org.huyou.care.ui.CaseloadViewModel.Caseload;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The caseloads without controls, on a real home: a plan's review coming overdue, "mine only", the follow-up days. */
class CaseloadViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.REHABILITATION_THERAPIST);

    final HeardNotices heard = home.heard;

    CaseloadViewModel vm() {
        return new CaseloadViewModel(
                home.ctx().rehab(), home.ctx().education(), home.ctx().psychology(), home.tasks, heard, home.clock());
    }

    @Test
    void aPlanWhoseReviewHasPassedIsOverdueAndMineOnlyReloads() {
        home.ctx().rehab().createPlan(home.child().id(), "独立行走训练", DAY, DAY.plusDays(10));
        Caseload<Rehab.Case> rehab = vm().rehab(true);
        rehab.load();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, rehab.rows().size());
        assertFalse(rehab.overdue(rehab.rows().get(0)));
        assertFalse(rehab.loadingProperty().get());

        home.clock().advance(Duration.ofDays(11));
        List<Boolean> seen = new ArrayList<>();
        rehab.loadingProperty().addListener((o, was, is) -> seen.add(is));
        rehab.onlyMine.set(false);
        assertEquals(List.of(true, false), seen, "reloaded on the switch, saying so while it reads");
        assertEquals(1, rehab.rows().size(), "everyone's includes mine");
        assertTrue(rehab.overdue(rehab.rows().get(0)), "the review date has passed");
    }

    @Test
    void theFollowUpDaysAreShownRefusedByGradeWithLettersAndSaved() {
        home.as(Role.PSYCHOLOGIST);
        CaseloadViewModel vm = vm();
        vm.loadSchedule();
        assertFalse(vm.followUpDays.get(RiskGrade.HIGH).get().isEmpty(), "the current intervals are shown");
        vm.followUpDays.get(RiskGrade.MEDIUM).set("三十");
        List<String> then = new ArrayList<>();
        vm.saveSchedule(() -> then.add("refreshed"));
        assertEquals("中风险：“三十”不是整数，请只填写数字。", heard.last());
        assertEquals("三十", vm.followUpDays.get(RiskGrade.MEDIUM).get(), "the text is kept to be corrected");
        assertEquals(List.of(), then);

        vm.followUpDays.get(RiskGrade.MEDIUM).set("20");
        vm.saveSchedule(() -> then.add("refreshed"));
        assertEquals(List.of("refreshed"), then, heard.errors.toString());
        assertEquals("随访周期已保存。", heard.last());
        assertEquals(20, home.ctx().psychology().schedule().daysFor(RiskGrade.MEDIUM));
    }
}
