package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.care.rehab.Rehab;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rehabilitation tab without controls, on a real home: a plan, a goal refused for letters in a number, a score,
 * and the plan and goal kept selected across the reloads.
 */
class RehabViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.REHABILITATION_THERAPIST);

    final HeardNotices heard = home.heard;
    final List<String> told = new ArrayList<>();
    RehabViewModel vm;

    @BeforeEach
    void open() {
        vm = new RehabViewModel(home.ctx().rehab(), home.tasks, heard, home.clock());
        vm.setOnChanged(() -> told.add("changed"));
        vm.show(home.child().id());
    }

    void addGoal(String description, String baseline, String target) {
        vm.goalText.set(description);
        vm.goalMeasure.set("独立步数");
        vm.goalBaseline.set(baseline);
        vm.goalTarget.set(target);
        vm.addGoal();
    }

    @Test
    void withoutAPlanAGoalAsksForOneAndLettersInABaselineAreRefusedByName() {
        addGoal("独立行走10步", "3", "10");
        assertEquals(List.of("请先在列表中选择一个康复计划。"), heard.errors);

        vm.planTitle.set("独立行走训练");
        vm.addPlan();
        assertEquals("", vm.planTitle.get());
        assertEquals(1, vm.plans().size());
        assertEquals(vm.plans().get(0), vm.plan.get(), "the new plan is selected");
        assertEquals(DAY.plusMonths(3), vm.plans().get(0).reviewDue());

        addGoal("独立行走10步", "三", "10");
        assertEquals("基线分：“三”不是有效的数字，请写成 12 或 12.5 这样的数字。", heard.last());
        assertEquals("三", vm.goalBaseline.get(), "the text is kept to be corrected");
        assertTrue(vm.goals().isEmpty());

        vm.minutes.set("四十五");
        vm.recordSession();
        assertEquals("训练时长（分钟）：“四十五”不是整数，请只填写数字。", heard.last());
    }

    @Test
    void aScoreIsRecordedForTheSelectedGoalAndThePlaceIsKept() {
        vm.planTitle.set("独立行走训练");
        vm.addPlan();
        addGoal("扶物站立", "1", "5");
        addGoal("独立行走10步", "3", "10");
        assertEquals(List.of(), heard.errors);
        assertEquals(2, vm.goals().size());
        assertEquals("", vm.goalBaseline.get());
        Rehab.Progress second = vm.goals().stream()
                .filter(g -> g.goal().description().equals("独立行走10步"))
                .findFirst()
                .orElseThrow();
        vm.goal.set(second);

        vm.score.set("6.5");
        vm.recordScore();
        assertEquals(List.of(), heard.errors);
        assertEquals("", vm.score.get());
        Rehab.Progress shown = vm.goal.get();
        assertEquals(second.goal().id(), shown.goal().id(), "the same goal stays selected after the save");
        assertEquals(1, shown.scores().size());
        assertEquals(0, new BigDecimal("6.5").compareTo(shown.scores().get(0).score()));
        assertEquals(4, told.size(), "the file is told of each save");

        vm.show(null);
        assertNull(vm.plan.get());
        assertTrue(vm.goals().isEmpty());
    }
}
