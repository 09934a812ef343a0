package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.huyou.care.daily.CaregiverAssignment;
import org.huyou.common.Messages;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The upbringing tab without controls, on a real home: a caregiver without a name refused with the name kept empty
 * and nothing recorded, two caregivers assigned one after the other (the first closed, the name cleared), one voided,
 * and nothing shown without a resident.
 */
class UpbringingViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.CAREGIVER);

    final HeardNotices heard = home.heard;
    UpbringingViewModel vm;

    @BeforeEach
    void open() {
        vm = new UpbringingViewModel(home.ctx().caregivers(), home.ctx().residents(), home.tasks, heard);
        vm.show(home.child().id());
    }

    @Test
    void aCaregiverWithoutANameIsRefusedAndNothingRecorded() {
        assertEquals(DAY, vm.from.get(), "the day starts at the home's today");
        vm.name.set("  ");
        vm.assign();
        assertEquals(1, heard.errors.size());
        assertTrue(
                heard.last().contains(Messages.t("caregiver.name")), "the sentence names the field: " + heard.last());
        assertTrue(vm.assignments().isEmpty());
    }

    @Test
    void caregiversAreAssignedOneAfterTheOtherAndOneVoided() {
        vm.name.set("李阿姨");
        vm.assign();
        assertEquals(List.of(), heard.errors);
        assertEquals("", vm.name.get(), "the name is cleared once assigned");
        assertEquals(1, vm.assignments().size());
        CaregiverAssignment first = vm.assignments().get(0);
        assertEquals("李阿姨", first.caregiver());
        assertEquals(DAY, first.from());
        assertNull(first.to());

        vm.name.set("张阿姨");
        vm.from.set(DAY.plusDays(7));
        vm.assign();
        assertEquals(List.of(), heard.errors);
        assertEquals(2, vm.assignments().size());
        CaregiverAssignment li = vm.assignments().stream()
                .filter(a -> a.caregiver().equals("李阿姨"))
                .findFirst()
                .orElseThrow();
        assertEquals(DAY.plusDays(6), li.to(), "the first caregiver's time ends the day before the next one's begins");

        CaregiverAssignment zhang = vm.assignments().stream()
                .filter(a -> a.caregiver().equals("张阿姨"))
                .findFirst()
                .orElseThrow();
        vm.voidAssignment(zhang, "写错了人");
        vm.reload();
        assertTrue(vm.assignments().stream()
                .filter(a -> a.caregiver().equals("张阿姨"))
                .findFirst()
                .orElseThrow()
                .voided());

        vm.show(null);
        assertTrue(vm.assignments().isEmpty());
        assertTrue(vm.groups().isEmpty());
    }
}
