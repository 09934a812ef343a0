package org.huyou.allowance.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.huyou.allowance.AllowanceCategory;
import org.huyou.common.Messages;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The allowance roll tab without controls: last month's roll, a child's category change, the workbook. */
class RollViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.FINANCE_OFFICER);

    final HeardNotices heard = home.heard;
    RollViewModel vm;

    @BeforeEach
    void open() {
        vm = new RollViewModel(
                home.ctx().allowance(),
                home.tasks,
                heard,
                YearMonth.from(DAY),
                home.dir().resolve("rolls"),
                () -> "测试福利院");
    }

    @Test
    void withoutARegionTheLineSaysSoAndWithOneTheSelectedChildsChangeIsRecorded() throws Exception {
        assertEquals(YearMonth.of(2026, 10), vm.month.get(), "last month to begin with");
        assertEquals(RollViewModel.MONTHS, vm.months().size());
        vm.refresh();
        assertEquals(Messages.t("allowance.noRegion"), vm.totalProperty().get());
        assertEquals(List.of(), heard.errors, "said on the tab, not in a dialog");

        home.ctx().allowance().setRegion("山东省滨州市");
        home.ctx()
                .allowance()
                .addStandard(
                        AllowanceCategory.INSTITUTION_ORPHAN,
                        "山东省滨州市",
                        LocalDate.of(2020, 1, 1),
                        new BigDecimal("2000"),
                        null);
        vm.refresh();
        assertEquals(1, vm.lines().size(), heard.errors.toString());
        assertTrue(
                vm.totalProperty().get().contains("山东省滨州市"), vm.totalProperty().get());

        vm.selectedProperty().set(vm.lines().get(0));
        assertEquals(List.of(), vm.changes());
        vm.category.set(AllowanceCategory.values()[1]);
        vm.changeFrom.set(LocalDate.of(2026, 10, 16));
        vm.note.set("民政局复核后调整");
        vm.recordChange();
        assertEquals(List.of(), heard.errors);
        assertEquals("", vm.note.get());
        assertEquals(vm.lines().get(0), vm.selectedProperty().get(), "the child stays selected after the reload");
        assertEquals(1, vm.changes().size());
        assertEquals(AllowanceCategory.values()[1], vm.changes().get(0).category());

        vm.export();
        assertEquals(List.of(), heard.errors);
        Path file = home.dir().resolve("rolls").resolve("allowance-roll-2026-10.xlsx");
        assertTrue(Files.exists(file), vm.resultProperty().get());
        assertTrue(
                vm.resultProperty().get().contains(file.toString()),
                vm.resultProperty().get());
    }
}
