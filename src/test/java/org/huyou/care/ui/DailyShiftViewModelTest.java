package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Mood;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.care.ui.DailyShiftViewModel.Meanwhile;
import org.huyou.care.ui.DailyShiftViewModel.Row;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shift log without controls, on a real home: the group it opens on, the defaults and what changed, the save
 * and its line, and each answer to another PC's save of the same rows meanwhile.
 */
class DailyShiftViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.ADMINISTRATOR);

    final HeardNotices heard = home.heard;
    final List<Boolean> done = new ArrayList<>();
    LivingGroup sunflowers;
    DailyShiftViewModel vm;

    @BeforeEach
    void open() {
        sunflowers = home.ctx().residents().createLivingGroup("向日葵组");
        Resident c = home.ctx().residents().get(home.child().id());
        home.ctx()
                .residents()
                .update(new Resident(
                        c.id(),
                        c.version(),
                        c.recordNo(),
                        c.name(),
                        c.formerName(),
                        c.gender(),
                        c.birthDate(),
                        c.birthDateEstimated(),
                        c.ethnicity(),
                        c.idNumber(),
                        c.householdRegistration(),
                        c.category(),
                        c.admissionDate(),
                        c.admissionSource(),
                        c.admissionFrom(),
                        c.disabilityType(),
                        c.disabilityGrade(),
                        c.guardianship(),
                        c.guardianshipNote(),
                        sunflowers.id(),
                        c.note()));
        home.as(Role.CAREGIVER);
        vm = new DailyShiftViewModel(
                home.ctx().residents(), home.ctx().dailyCare(), home.tasks, heard, DAY, LocalTime.of(9, 0));
        List<LivingGroup> openedOn = new ArrayList<>();
        vm.loadGroups(sunflowers.id(), openedOn::add);
        assertEquals(List.of(sunflowers), openedOn, "opens on the group worked on last");
        vm.group.set(sunflowers);
        vm.load();
    }

    Row row() {
        return vm.rows().get(0);
    }

    @Test
    void theRowsStartAsNormalAndASaveIsShownAsSavedAndClean() {
        assertEquals(Shift.DAY, vm.shift.get(), "09:00 is the day shift");
        assertEquals(1, vm.rows().size(), heard.errors.toString());
        assertEquals("王小明", row().name);
        assertNull(row().saved);
        assertEquals("本班尚未保存：表中是默认值。", vm.savedLineProperty().get());
        assertFalse(vm.isDirty());

        row().note.set("  ");
        assertFalse(vm.isDirty(), "blank counts as empty");
        row().meals.set(Meals.HALF);
        assertTrue(vm.isDirty());
        vm.discard();
        assertEquals(Meals.ALL, row().meals.get());

        row().mood.set(Mood.UPSET);
        vm.save(true, done::add, (m, names) -> {
            throw new AssertionError("nobody else saved");
        });
        assertEquals(List.of(true), done);
        assertEquals(List.of("已保存本班记录（1 名儿童有更新）。"), heard.said, heard.errors.toString());
        assertNotNull(row().saved, "reloaded as saved");
        assertEquals(Mood.UPSET, row().mood.get());
        assertTrue(
                vm.savedLineProperty().get().startsWith("已保存："),
                vm.savedLineProperty().get());
        assertFalse(vm.isDirty());
    }

    /** A save from another PC over what is saved now (a correction when something is). */
    void anotherPcSaves(String note) {
        long child = home.child().id();
        DailyLogEntry now =
                home.ctx().dailyCare().forShift(List.of(child), DAY, Shift.DAY).get(child);
        home.ctx()
                .dailyCare()
                .recordShift(
                        DAY,
                        Shift.DAY,
                        List.of(new DailyLogEntry(
                                now == null ? null : now.id(),
                                child,
                                DAY,
                                Shift.DAY,
                                Meals.MOST,
                                null,
                                null,
                                null,
                                null,
                                note,
                                null,
                                false)));
    }

    @Test
    void anotherPcsSaveMeanwhileIsAskedAboutAndEachAnswerDoesWhatItSays() {
        row().note.set("我的记录");
        anotherPcSaves("对方的记录");
        List<String> asked = new ArrayList<>();
        vm.save(true, done::add, (m, names) -> {
            asked.add(names);
            return Meanwhile.BACK;
        });
        assertEquals(List.of("王小明"), asked, "the children concerned are named");
        assertEquals(List.of(false), done);
        assertEquals("我的记录", row().note.get(), "back to the form as it was");

        vm.save(true, done::add, (m, names) -> Meanwhile.SHOW_THEIRS);
        assertEquals("对方的记录", row().note.get());
        assertEquals(Meals.MOST, row().meals.get());
        assertNotNull(row().saved);

        row().note.set("我的记录");
        anotherPcSaves("对方又改了");
        vm.save(true, done::add, (m, names) -> Meanwhile.SAVE_MINE);
        assertEquals(List.of(false, false, true), done, heard.errors.toString());
        assertEquals("我的记录", row().note.get());
        assertEquals(List.of(), heard.errors);
    }
}
