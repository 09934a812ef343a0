package org.huyou.allowance.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.huyou.allowance.AllowanceCategory;
import org.huyou.allowance.StandardEntry;
import org.huyou.common.Messages;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The allowance standards tab without controls, on a real home: the region, a standard added, refused, voided. */
class StandardsViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 12);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.FINANCE_OFFICER);

    final HeardNotices heard = home.heard;
    StandardsViewModel vm;

    @BeforeEach
    void open() {
        vm = new StandardsViewModel(home.ctx().allowance(), home.tasks, heard);
    }

    @Test
    void theRegionChosenAppliesAndIsOfferedForTheNextStandard() {
        vm.refresh();
        assertEquals(Messages.t("allowance.noRegion"), vm.currentProperty().get());
        vm.region.set("山东省滨州市");
        vm.saveRegion();
        assertEquals(List.of(), heard.errors);
        assertEquals("当前：山东省滨州市", vm.currentProperty().get());
        assertEquals("山东省滨州市", vm.standardRegion.get());
    }

    @Test
    void aStandardIsAddedRefusedByNameWithLettersAndVoided() {
        vm.refresh();
        int before = vm.standards().size();
        vm.category.set(AllowanceCategory.INSTITUTION_ORPHAN);
        vm.standardRegion.set("山东省滨州市");
        vm.from.set(LocalDate.of(2027, 1, 1));
        vm.amount.set("两千");
        vm.source.set("鲁民〔2026〕8号");
        vm.addStandard();
        assertEquals("月标准（元）：“两千”不是有效的金额，请写成 1234.50 或 1,234.50 这样的数字。", heard.last());
        assertEquals("两千", vm.amount.get());
        assertEquals(before, vm.standards().size());

        vm.amount.set("2,150");
        vm.addStandard();
        assertEquals(List.of(), heard.errors.subList(1, heard.errors.size()));
        assertEquals(before + 1, vm.standards().size());
        assertEquals("", vm.amount.get());
        assertEquals("", vm.source.get());
        StandardEntry added = vm.standards().stream()
                .filter(s -> s.standard().effectiveFrom().equals(LocalDate.of(2027, 1, 1)))
                .findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("2150").compareTo(added.standard().monthly()));
        assertEquals("鲁民〔2026〕8号", added.source());

        vm.voidStandard(added, "文号录错，按新文件重新录入");
        vm.refresh();
        assertTrue(vm.standards().stream().filter(s -> s.id() == added.id()).allMatch(StandardEntry::voided));
    }
}
