package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.huyou.care.plan.CarePlan;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The care plan tab without controls, on a real home: a draft refused for letters in its interval, a goal with its
 * owner, the director's approval and review, and the plan kept selected through each reload.
 */
class CarePlanViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.SOCIAL_WORKER);

    final HeardNotices heard = home.heard;
    CarePlanViewModel vm;

    @BeforeEach
    void open() {
        vm = new CarePlanViewModel(home.ctx().carePlans(), home.ctx().accounts(), home.tasks, heard, home.clock());
        vm.show(home.child().id());
    }

    @Test
    void aDraftWithAGoalIsApprovedAndReviewedByTheDirector() {
        vm.summary.set("稳定情绪，提升自理能力");
        vm.reviewMonths.set("三");
        vm.addPlan();
        assertEquals("复评间隔（月）：“三”不是整数，请只填写数字。", heard.last());
        assertTrue(vm.plans().isEmpty());
        assertEquals("稳定情绪，提升自理能力", vm.summary.get(), "the summary is kept");

        vm.reviewMonths.set("6");
        vm.addPlan();
        assertEquals(1, heard.errors.size(), heard.errors.toString());
        assertEquals("", vm.summary.get());
        CarePlan draft = vm.plan.get();
        assertEquals(CarePlan.Status.DRAFT, draft.status());

        vm.goalText.set("每天自己整理床铺");
        vm.owner.set(vm.owners().stream()
                .filter(s -> s.username().equals(CareStaff.name(Role.CAREGIVER)))
                .findFirst()
                .orElseThrow());
        vm.addGoal();
        assertEquals(1, heard.errors.size(), heard.errors.toString());
        assertEquals(1, vm.goals().size());
        assertEquals(CareStaff.name(Role.CAREGIVER), vm.goals().get(0).owner());
        assertEquals("", vm.goalText.get());

        home.as(Role.DIRECTOR);
        vm.approve();
        assertEquals(1, heard.errors.size(), heard.errors.toString());
        assertEquals(CarePlan.Status.APPROVED, vm.plan.get().status());
        assertEquals(draft.id(), vm.plan.get().id(), "the plan stays selected");

        vm.reviewSummary.set("情绪明显稳定，继续执行");
        vm.review();
        assertEquals(List.of("复评间隔（月）：“三”不是整数，请只填写数字。"), heard.errors);
        assertEquals(1, vm.reviews().size());
        assertEquals("", vm.reviewSummary.get());
    }
}
