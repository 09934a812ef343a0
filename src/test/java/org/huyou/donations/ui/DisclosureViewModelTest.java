package org.huyou.donations.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.huyou.donations.DisclosureService;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.PublishedDisclosure;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The disclosure tab without controls: last quarter by default, exported into the register, the schedule saved. */
class DisclosureViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.FINANCE_OFFICER);

    final HeardNotices heard = home.heard;
    DisclosureViewModel vm;

    @BeforeEach
    void open() {
        Donor d = home.ctx()
                .ledger()
                .createDonor(new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null));
        home.ctx()
                .ledger()
                .recordDonation(
                        d.id(),
                        home.ctx().ledger().funds().get(0).id(),
                        LocalDate.of(2026, 8, 8),
                        new BigDecimal("8888.80"),
                        LedgerEntry.Channel.BANK_TRANSFER,
                        null);
        home.as(Role.DIRECTOR);
        vm = new DisclosureViewModel(
                home.ctx().disclosures(),
                home.tasks,
                heard,
                home.clock(),
                home.dir().resolve("disclosures"));
    }

    @Test
    void lastQuarterIsExportedIntoTheRegisterAndIsNoLongerDue() {
        assertEquals(LocalDate.of(2026, 7, 1), vm.from.get());
        assertEquals(LocalDate.of(2026, 9, 30), vm.to.get());
        vm.refresh();
        assertEquals("2026-07-01 至 2026-09-30 的公示尚未发布。", vm.dueProperty().get());
        assertEquals(List.of(), vm.published());
        vm.export();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.published().size());
        String code = vm.published().get(0).verificationCode();
        assertTrue(
                vm.resultProperty().get().contains("本期收入 8,888.80 元"),
                vm.resultProperty().get());
        assertTrue(
                vm.resultProperty().get().endsWith("校验码 " + code),
                vm.resultProperty().get());
        assertEquals("", vm.dueProperty().get());
    }

    @Test
    void theScheduleChosenIsSavedAndShownAgain() {
        vm.schedule.set(DisclosureService.Schedule.MONTHLY);
        vm.saveSchedule();
        assertEquals(List.of(), heard.errors);
        assertEquals(
                DisclosureService.Schedule.MONTHLY, home.ctx().disclosures().schedule());
        vm.schedule.set(DisclosureService.Schedule.YEARLY);
        vm.refresh();
        assertEquals(DisclosureService.Schedule.MONTHLY, vm.schedule.get());
    }

    /** Publishing the period again is refused in a sentence, kept typed; with a reason it supersedes the first. */
    @Test
    void thePeriodIsPublishedAgainOnlyWithAReasonAndTheRegisterSaysWhichCorrectsWhich() {
        vm.export();
        vm.export();
        assertEquals(1, heard.errors.size(), "refused, said in a sentence");
        assertTrue(heard.errors.get(0).startsWith("该期间（2026-07-01 至 2026-09-30）已于 "), heard.errors.get(0));
        assertEquals(1, vm.published().size());
        vm.reason.set("补登一笔捐赠人署名");
        vm.export();
        assertEquals(1, heard.errors.size(), heard.errors.toString());
        assertEquals("", vm.reason.get(), "used, then cleared");
        assertTrue(
                vm.resultProperty().get().contains("它取代了2026-07-01 至 2026-09-30 的公示（"),
                vm.resultProperty().get());
        assertEquals(2, vm.published().size());
        PublishedDisclosure later = vm.published().get(0);
        PublishedDisclosure earlier = vm.published().get(1);
        assertEquals("更正第 " + earlier.id() + " 号：补登一笔捐赠人署名", DisclosureViewModel.standing(later));
        assertEquals("已被第 " + later.id() + " 号更正", DisclosureViewModel.standing(earlier));
    }
}
