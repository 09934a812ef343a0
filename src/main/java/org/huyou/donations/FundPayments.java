package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.OverrideReasons;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.donations.LedgerService.UseOutcome;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Paying from a fund: a payment within the approval limit, a request above it for another approver, its approval
 * or rejection, and the rule that a fund never goes below zero on any day. The permission is checked by
 * {@link LedgerService}, which callers use.
 */
final class FundPayments extends ServiceBase {

    private final LedgerRepository repo;
    private final LedgerChain chain;
    private final Supplier<Collection<String>> approvers;
    private final Supplier<BigDecimal> approvalLimit;

    FundPayments(
            LedgerRepository repo,
            ServiceContext context,
            LedgerChain chain,
            Supplier<Collection<String>> approvers,
            Supplier<BigDecimal> approvalLimit) {
        super(context);
        this.repo = repo;
        this.chain = chain;
        this.approvers = approvers;
        this.approvalLimit = approvalLimit;
    }

    UseOutcome recordUse(Payment use, String selfApprovalReason) {
        LocalDate date = use.date();
        Fund.Purpose purpose = use.purpose();
        Checks checks = new Checks(chain.today());
        checks.pastDate("date", "ledger.date", date);
        BigDecimal a = LedgerAmounts.money(checks, use.amount());
        checks.required("purpose", "ledger.purpose", purpose);
        String d = checks.text("description", "ledger.description", use.description(), 300, false);
        String p = checks.text("payee", "ledger.payee", use.payee(), 200, true);
        String v = checks.text("voucherNo", "ledger.voucherNo", use.voucherNo(), 40, false);
        checks.throwIfAny();
        Fund fund = fund(use.fundId());
        if (!fund.pays(purpose)) {
            throw new UserFacingException(
                    "ledger.restrictedFund", fund.name(), fund.purpose().label(), purpose.label());
        }
        boolean approves = user.can(AppModule.DONATIONS, Action.APPROVE);
        BigDecimal limit = approvalLimit.get();
        boolean aboveLimit = a.compareTo(limit) > 0;
        String why = null;
        if (aboveLimit && approves) {
            if (otherApprovers().isEmpty()) {
                why = selfApproval(selfApprovalReason, a, limit);
            } else {
                approves = false; // the approval is another approver's: it goes as a request
            }
        }
        if (aboveLimit && !approves) {
            return tx.inTransaction(() -> {
                // refused now rather than when the director gets to it: a request dated in a published period could
                // never be paid, and the requests already waiting on this fund have a claim on its balance first
                chain.openPeriod(date);
                requireCoveredWithPending(fund, date, a);
                PaymentRequest pending = new PaymentRequest(
                        0,
                        new Payment(use.fundId(), date, a, purpose, d, p, v),
                        PaymentRequest.Status.PENDING,
                        user.username(),
                        0,
                        null,
                        null);
                long id = repo.requests().insertRequest(pending, chain.now());
                audit.record(
                        AuditLog.CREATE,
                        "payment_request",
                        id,
                        AuditSummary.of("auditSummary.amount", a.toPlainString()),
                        null);
                return new UseOutcome(null, repo.requests().request(id).orElseThrow());
            });
        }
        String reason = why;
        String approvedBy = approves ? user.username() : null;
        return tx.inTransaction(() -> {
            LedgerEntry e = appendUse(fund, date, a, purpose, d, p, v, approvedBy);
            auditSelfApproval(e, reason);
            return new UseOutcome(e, null);
        });
    }

    LedgerEntry approveRequest(long requestId, int version, String selfApprovalReason) {
        PaymentRequest r =
                repo.requests().request(requestId).orElseThrow(() -> new UserFacingException("error.notFound"));
        Fund fund = fund(r.fundId());
        String why = null;
        if (r.requestedBy().equals(user.username())) {
            List<String> others = otherApprovers();
            if (!others.isEmpty()) {
                throw SecondApproverException.ownRequest(
                        Money.amount(r.amount()),
                        Messages.list(others.stream().map(Accounts::displayName).toList()));
            }
            why = selfApproval(selfApprovalReason, r.amount(), approvalLimit.get());
        }
        String reason = why;
        return tx.inTransaction(() -> {
            LedgerEntry e = appendUse(
                    fund,
                    entryDate(r),
                    r.amount(),
                    r.purpose(),
                    r.description(),
                    r.payee(),
                    r.voucherNo(),
                    user.username());
            if (!repo.requests()
                    .decide(
                            requestId,
                            version,
                            PaymentRequest.Status.APPROVED,
                            e.seq(),
                            user.username(),
                            chain.now())) {
                throw new StaleRecordException(Accounts.displayName(r.requestedBy()), r.date());
            }
            auditSelfApproval(e, reason);
            return e;
        });
    }

    /**
     * The payment is entered when it is approved: on the request's date while the ledger still takes it, and on the
     * approval day once that date lies in a month closed or a disclosure published since (the request keeps its own
     * date), as a late donation is entered today. Refusing would leave the director no way to approve it.
     */
    private LocalDate entryDate(PaymentRequest r) {
        return chain.openPeriods().takes(r.date()) ? r.date() : chain.today();
    }

    void rejectRequest(long requestId, int version, String reason) {
        Checks checks = new Checks(chain.today());
        String why = checks.lines("reason", "request.reason", reason, 300, true);
        checks.throwIfAny();
        PaymentRequest r =
                repo.requests().request(requestId).orElseThrow(() -> new UserFacingException("error.notFound"));
        tx.inTransaction(() -> {
            if (!repo.requests()
                    .decide(
                            requestId,
                            version,
                            PaymentRequest.Status.REJECTED,
                            null,
                            user.username(),
                            chain.now(),
                            why)) {
                throw new StaleRecordException(Accounts.displayName(r.requestedBy()), r.date());
            }
            audit.record(
                    AuditLog.EDIT,
                    "payment_request",
                    requestId,
                    AuditSummary.of("auditSummary.rejectedBecause", why),
                    null);
        });
    }

    /** The active accounts other than this user's that may approve payments. */
    private List<String> otherApprovers() {
        return approvers.get().stream()
                .filter(u -> !u.equals(user.username()))
                .sorted()
                .toList();
    }

    /** The reason for approving one's own payment: refused without one, a sentence with one. */
    private static String selfApproval(String reason, BigDecimal amount, BigDecimal limit) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null) {
            throw SecondApproverException.onlyApprover(Money.amount(amount), Money.amount(limit));
        }
        FieldError problem = OverrideReasons.problem(
                "selfApprovalReason", why, SecondApproverException.MIN_REASON, "use.selfApprovalTooShort");
        if (problem != null) {
            throw new ValidationException(List.of(problem));
        }
        return why;
    }

    private void auditSelfApproval(LedgerEntry e, String reason) {
        if (reason != null) {
            audit.record(
                    AuditLog.OVERRIDE,
                    "ledger_entry",
                    e.seq(),
                    AuditSummary.of(
                            "auditSummary.selfApproved", e.amount().negate().toPlainString(), reason),
                    null);
        }
    }

    private LedgerEntry appendUse(
            Fund fund,
            LocalDate date,
            BigDecimal amount,
            Fund.Purpose purpose,
            String d,
            String payee,
            String voucher,
            String approvedBy) {
        chain.openPeriod(date);
        requireCovered(fund, date, amount);
        return chain.append(
                LedgerEntry.builder()
                        .date(date)
                        .kind(LedgerEntry.Kind.USE)
                        .fundId(fund.id())
                        .amount(amount.negate())
                        .purpose(purpose)
                        .description(d)
                        .payee(payee)
                        .voucherNo(voucher)
                        .approvedBy(approvedBy)
                        .createdAt(chain.now())
                        .createdBy(user.username())
                        .build(),
                AuditSummary.of("auditSummary.ledgerAmount", LedgerEntry.Kind.USE, amount.toPlainString()));
    }

    /**
     * A new request must fit in what the fund holds less the requests already waiting on it; the refusal names the
     * money spoken for, so the requester sees why a balance that looks enough is not.
     */
    private void requireCoveredWithPending(Fund fund, LocalDate date, BigDecimal amount) {
        BigDecimal pending = repo.requests().pendingTotal(fund.id());
        BigDecimal lowest = repo.fundBalance(fund.id(), date);
        for (BigDecimal b : repo.dailyBalancesFrom(fund.id(), date)) {
            lowest = lowest.min(b);
        }
        if (lowest.subtract(pending).compareTo(amount) < 0) {
            throw new UserFacingException(
                    "ledger.insufficientWithPending",
                    fund.name(),
                    Money.amount(lowest),
                    Money.amount(pending),
                    Money.amount(lowest.subtract(pending).max(BigDecimal.ZERO)),
                    Money.amount(amount));
        }
    }

    /** The fund must hold the amount on the day and on every later day with entries. */
    void requireCovered(Fund fund, LocalDate date, BigDecimal amount) {
        BigDecimal lowest = repo.fundBalance(fund.id(), date);
        for (BigDecimal b : repo.dailyBalancesFrom(fund.id(), date)) {
            lowest = lowest.min(b);
        }
        if (lowest.compareTo(amount) < 0) {
            throw new UserFacingException(
                    "ledger.insufficientFund", fund.name(), Money.amount(lowest), Money.amount(amount));
        }
    }

    /** The fund, or the sentence that it is not there (also the façade's). */
    Fund fund(long id) {
        return repo.registers().fund(id).orElseThrow(() -> new UserFacingException("fund.notFound"));
    }
}
