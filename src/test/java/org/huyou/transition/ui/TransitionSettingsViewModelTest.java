package org.huyou.transition.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.huyou.transition.Department;
import org.huyou.transition.Pathway;
import org.huyou.transition.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transition settings' templates and standards without controls: the synchronous runner, a real home. */
class TransitionSettingsViewModelTest {

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(LocalDate.of(2026, 11, 23), LocalDate.of(2009, 6, 10), null);

    final HeardNotices heard = home.heard;
    TransitionSettingsViewModel vm;

    @BeforeEach
    void open() {
        vm = new TransitionSettingsViewModel(home.ctx().transitionSettings(), home.tasks, heard);
    }

    @Test
    void aTemplateIsAddedToTheChosenPathwayAndRemovedAgain() {
        home.as(Role.SOCIAL_WORKER);
        vm.load();
        vm.pathway.set(Pathway.SOCIALIZED);
        int before = vm.templates().size();
        vm.title.set("办理社保卡");
        vm.department.set(Department.HUMAN_RESOURCES);
        vm.months.set("两");
        vm.addTemplate();
        assertEquals("生日前月数：“两”不是整数，请只填写数字。", heard.last());
        assertEquals("办理社保卡", vm.title.get(), "the text is kept to be corrected");
        vm.months.set("2");
        vm.documents.set("身份证");
        vm.addTemplate();
        assertEquals(before + 1, vm.templates().size(), heard.errors.toString());
        assertEquals("", vm.title.get());
        assertEquals(Department.HUMAN_RESOURCES, vm.department.get(), "the department stays for the next task");
        Task.Template added = vm.templates().stream()
                .filter(t -> t.title().equals("办理社保卡"))
                .findFirst()
                .orElseThrow();
        assertEquals(Pathway.SOCIALIZED, added.pathway());

        vm.templateProperty().set(added);
        vm.removeTemplate();
        assertEquals(before, vm.templates().size());
        assertNull(vm.templateProperty().get(), "nothing is left selected");
        assertTrue(home.ctx().transitionSettings().templates(Pathway.SOCIALIZED).stream()
                .noneMatch(t -> t.title().equals("办理社保卡")));
    }

    @Test
    void theStandardsAreReadAsTypedAndAnAmountWithLettersIsRefusedByName() {
        home.as(Role.DIRECTOR);
        vm.load();
        assertTrue(!vm.subsidy.get().isEmpty() && !vm.followUps.get().isEmpty(), "the standards are shown");
        List<String> saved = new ArrayList<>();
        vm.subsidy.set("六万");
        vm.saveStandards(() -> saved.add("saved"));
        assertTrue(heard.last().startsWith("一次性安置补助（元/人）：“六万”不是有效的金额"), heard.last());
        assertTrue(saved.isEmpty());
        vm.subsidy.set("60,000");
        vm.grant.set("12000");
        vm.followUps.set("6， 2、12");
        vm.saveStandards(() -> saved.add("saved"));
        assertEquals(List.of("saved"), saved, heard.errors.toString());
        assertEquals("补助标准与回访安排已保存。", heard.last());
        assertEquals(
                List.of(2, 6, 12), home.ctx().transitionSettings().standards().followUpMonths());
        assertEquals(
                0,
                new BigDecimal("60000")
                        .compareTo(home.ctx().transitionSettings().standards().subsidy()));
    }
}
