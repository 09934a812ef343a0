package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.Medication;
import org.huyou.common.Messages;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reminders screen without controls, on a real home: a dose given from its row and taken back, the counts that
 * follow, the filter, and a dose against an allergy given only with a reason.
 */
class RemindersViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.MEDICAL_STAFF);

    final HeardNotices heard = home.heard;
    final List<Integer> counted = new ArrayList<>();
    RemindersViewModel vm;

    @BeforeEach
    void open() {
        vm = new RemindersViewModel(home.ctx().reminders(), home.tasks, heard, counted::add);
    }

    RemindersViewModel.Group medical() {
        return vm.groups().stream()
                .filter(g -> g.domain() == CareDomain.MEDICAL)
                .findFirst()
                .orElseThrow();
    }

    Reminder dose() {
        return medical().rows().get(0);
    }

    Reminder.Action given(Reminder r) {
        return r.actions().stream()
                .filter(a -> a.id().equals(Medication.Outcome.GIVEN.name()))
                .findFirst()
                .orElseThrow();
    }

    List<Medication.Administration> doses() {
        return home.ctx().medication().administrations(home.child().id(), 10);
    }

    @Test
    void aDoseGivenFromItsRowIsMarkedCountedAndTakenBack() {
        home.ctx().medication().prescribe(home.child().id(), "维生素D滴剂", "1粒", "09:30", DAY, null, null);
        vm.refresh();
        assertEquals(List.of(), heard.errors);
        Reminder r = dose();
        RemindersViewModel.Group medical = medical();
        assertEquals(1, counted.size());
        int due = counted.get(0);
        assertTrue(due >= 1, "the sidebar's number counts the dose due today");
        assertTrue(
                vm.summaryProperty().get().startsWith("今天及逾期 " + due + " 项"),
                vm.summaryProperty().get());
        assertTrue(vm.title(medical).endsWith("（1）"), vm.title(medical));

        List<String> refused = new ArrayList<>();
        vm.perform(r, given(r), () -> refused.add("refused"), (failure, refusal) -> {
            throw new AssertionError("no allergy, nothing to set aside");
        });
        assertEquals(List.of(), refused);
        assertTrue(vm.isDone(r) && vm.canUndo(r));
        assertEquals(Messages.t("reminders.doneMark", given(r).label()), vm.state(r));
        assertEquals(List.of(due, due - 1), counted);
        assertTrue(vm.title(medical).endsWith("（0）"), "the heading stops counting it: " + vm.title(medical));
        assertEquals(1, doses().size());
        assertEquals(Medication.Outcome.GIVEN, doses().get(0).outcome());

        vm.undo(r, () -> refused.add("not undone"));
        assertFalse(vm.isDone(r));
        assertEquals(List.of(due, due - 1, due), counted);
        assertEquals("已撤销（王小明），这次给药重新列为待办。", heard.last());
        assertTrue(doses().stream().allMatch(Medication.Administration::voided), "taken back, not deleted");
    }

    @Test
    void aDoseAgainstAnAllergyRecordedAfterTheOrderIsGivenOnlyWithAReason() {
        home.ctx().medication().prescribe(home.child().id(), "磺胺嘧啶", "0.5g", "09:30", DAY, null, null);
        home.ctx().allergies().add(home.child().id(), "磺胺类药物", "荨麻疹", Allergy.Severity.SEVERE, DAY);
        vm.refresh();
        Reminder r = dose();
        List<String> asked = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        vm.perform(r, given(r), () -> refused.add("refused"), (failure, refusal) -> {
            asked.add(failure.getMessage());
            return Optional.empty();
        });
        assertEquals(1, asked.size(), "the refusal asks for a reason");
        assertEquals(List.of("refused"), refused, "the row's buttons come back");
        assertFalse(vm.isDone(r));
        assertEquals(List.of(), doses(), "held: nothing recorded");
        assertEquals(List.of(), heard.errors);

        vm.perform(r, given(r), () -> refused.add("refused"), (failure, refusal) -> Optional.of("医生电话确认可继续服用"));
        assertTrue(vm.isDone(r), heard.errors.toString());
        assertEquals(1, doses().size());
        assertTrue(doses().get(0).note().contains("医生电话确认可继续服用"), doses().get(0).note());
    }

    @Test
    void theFilterNarrowsByPinyinInitialsAndSaysWhenNothingMatches() {
        home.ctx().medication().prescribe(home.child().id(), "维生素D滴剂", "1粒", "09:30", DAY, null, null);
        vm.refresh();
        int all = vm.groups().size();
        vm.filter.set("wxm");
        assertEquals(all, vm.groups().size(), "王小明 by the initials of his pinyin: all of his");
        vm.filter.set("维生素D");
        assertEquals(
                List.of(CareDomain.MEDICAL),
                vm.groups().stream().map(g -> g.domain()).toList(),
                "by the task");
        vm.filter.set("李");
        assertEquals(List.of(), vm.groups());
        assertEquals("没有符合筛选条件的提醒", vm.noneText());
        vm.filter.set("");
        assertEquals(all, vm.groups().size());
    }
}
