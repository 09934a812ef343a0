package org.huyou.transition.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.testing.HeardNotices;
import org.huyou.transition.TransitionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transition dashboard's lists without tables, on a real home: the youth chosen stays chosen across a reload. */
class TransitionViewModelTest {

    @TempDir
    Path dir;

    CareStaff home;
    HeardNotices heard = new HeardNotices();
    TransitionViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        home = new CareStaff(dir.resolve("home"), LocalDate.of(2026, 11, 23), LocalDate.of(2009, 6, 10));
        home.as(Role.SOCIAL_WORKER);
        vm = new TransitionViewModel(home.ctx.transition(), new DirectTaskRunner(), heard);
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void theYouthChosenStaysChosenAcrossAReloadAndAChoiceElsewhereClearsIt() {
        vm.refresh();
        assertEquals(List.of(), heard.errors);
        TransitionService.Row youth = vm.turning().stream()
                .filter(r -> r.residentId() == home.child.id())
                .findFirst()
                .orElseThrow();
        assertNull(vm.chosen().get());
        vm.selectedTurning.set(youth);
        assertEquals(youth, vm.chosen().get());

        vm.refresh();
        assertEquals(home.child.id(), vm.selectedTurning.get().residentId(), "kept by id after the reload");
        assertEquals(home.child.id(), vm.chosen().get().residentId());

        // a row chosen in another list takes the plan below and clears this list's choice
        vm.selectedAdult.set(youth);
        assertNull(vm.selectedTurning.get());
        assertEquals(youth, vm.chosen().get());
    }
}
