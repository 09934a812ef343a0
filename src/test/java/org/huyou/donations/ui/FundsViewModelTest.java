package org.huyou.donations.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.Payment;
import org.huyou.donations.PaymentRequest;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The director's funds tab without controls: the limit, a request rejected, a month closed, on a real ledger. */
class FundsViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 12);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.DIRECTOR);

    final HeardNotices heard = home.heard;
    List<String> changed = new ArrayList<>();
    FundsViewModel vm;

    @BeforeEach
    void open() {
        vm = new FundsViewModel(
                home.ctx().ledger(), home.tasks, heard, YearMonth.from(DAY), () -> changed.add("changed"));
    }

    @Test
    void theLimitIsShownAndLettersInItAreRefusedByName() {
        assertEquals(home.ctx().ledger().approvalLimit().toPlainString(), vm.limit.get());
        vm.limit.set("5千");
        List<String> saved = new ArrayList<>();
        vm.saveLimit(() -> saved.add("saved"));
        assertEquals("金额（元）：“5千”不是有效的金额，请写成 1234.50 或 1,234.50 这样的数字。", heard.last());
        assertEquals(List.of(), saved);
        vm.limit.set("1,000");
        vm.saveLimit(() -> saved.add("saved"));
        assertEquals(List.of("saved"), saved);
        assertEquals(List.of("审批限额已保存。"), heard.said);
        assertEquals(0, new BigDecimal("1000").compareTo(home.ctx().ledger().approvalLimit()));
    }

    @Test
    void aPendingRequestIsRejectedWithItsReasonAndAMonthIsClosed() {
        vm.limit.set("1000");
        vm.saveLimit(() -> {});
        home.as(Role.FINANCE_OFFICER);
        Donor d = home.ctx()
                .ledger()
                .createDonor(new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null));
        long fund = home.ctx().ledger().funds().get(0).id();
        home.ctx()
                .ledger()
                .recordDonation(
                        d.id(),
                        fund,
                        DAY.minusMonths(1),
                        new BigDecimal("5000"),
                        LedgerEntry.Channel.BANK_TRANSFER,
                        null);
        home.ctx()
                .ledger()
                .recordUse(new Payment(fund, DAY, new BigDecimal("2000"), Fund.Purpose.LIVING, "冬衣", "商场", null));
        home.as(Role.DIRECTOR);
        vm.refresh();
        assertEquals(1, vm.requests().size());
        assertFalse(vm.pendingSelected().get(), "nothing selected: nothing to decide");
        vm.selectedProperty().set(vm.requests().get(0));
        assertTrue(vm.pendingSelected().get());
        vm.reject("预算已用完，下月再申请");
        assertEquals(List.of("changed"), changed);
        assertEquals("已驳回，申请人会看到理由。", heard.last());
        home.as(Role.FINANCE_OFFICER); // the requester sees the rejection and its reason
        PaymentRequest r = home.ctx().ledger().requestLines().get(0).request();
        assertEquals(PaymentRequest.Status.REJECTED, r.status());
        assertEquals("预算已用完，下月再申请", r.decisionReason());
        home.as(Role.DIRECTOR);

        assertEquals("尚无已结账的月份。", vm.closedProperty().get());
        assertEquals(YearMonth.from(DAY).minusMonths(1), vm.month.get(), "last month is offered to close");
        vm.closeMonth();
        assertEquals(
                "已结账：" + YearMonth.from(DAY).minusMonths(1), vm.closedProperty().get(), heard.errors.toString());
    }
}
