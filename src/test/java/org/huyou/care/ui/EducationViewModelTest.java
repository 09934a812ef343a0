package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.huyou.care.education.Education;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The special education tab without controls, on a real home: a placement, a plan, a goal and its progress. */
class EducationViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.TEACHER);

    final HeardNotices heard = home.heard;
    EducationViewModel vm;

    @BeforeEach
    void open() {
        vm = new EducationViewModel(home.ctx().education(), home.ctx().accounts(), home.tasks, heard, home.clock());
        vm.show(home.child().id());
    }

    @Test
    void aPlacementWithItsTeacherAPlanAGoalAndItsProgressAreRecorded() {
        vm.className.set("启智一班");
        vm.teacher.set(vm.teachers().stream()
                .filter(s -> s.username().equals(CareStaff.name(Role.TEACHER)))
                .findFirst()
                .orElseThrow());
        vm.place();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.placements().size());
        assertEquals("", vm.className.get());
        assertEquals(CareStaff.name(Role.TEACHER), vm.placements().get(0).teacher(), "saved with the teacher");
        assertNull(vm.teacher.get(), "the form starts again: the next placement picks its own teacher");

        vm.planTitle.set("2026学年个别化教育计划");
        vm.addPlan();
        assertEquals(vm.plans().get(0), vm.plan.get(), "the plan is selected");
        assertEquals(DAY.plusMonths(6), vm.plan.get().reviewDue());

        vm.goalText.set("能说出十种常见物品的名称");
        vm.addGoal();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.goals().size(), "the selected plan's goals show the new one");
        vm.goal.set(vm.goals().get(0));
        vm.level.set(Education.Level.DEVELOPING);
        vm.note.set("能说出六种");
        vm.recordProgress();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.progress().size());
        assertEquals(Education.Level.DEVELOPING, vm.progress().get(0).level());
        assertEquals("", vm.note.get());
        assertTrue(vm.goals().get(0).latest() == Education.Level.DEVELOPING, "the goal shows its latest level");
    }
}
