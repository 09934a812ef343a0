package org.huyou.donations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.huyou.common.UserFacingException;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;

/**
 * Appending to the hash chain: each entry placed after the head with the next number, the head's hash and its own,
 * with its audit row, in the caller's transaction. The callers have checked the entry; this only refuses a closed
 * month.
 */
final class LedgerChain {

    private final LedgerRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    LedgerChain(LedgerRepository repo, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    /** For the demo home's seed data only: an entry appended as given, in the caller's transaction. */
    LedgerEntry seed(LedgerEntry draft, boolean receipted) {
        LedgerEntry e = draft;
        if (receipted) {
            e = LedgerEntry.builder()
                    .date(draft.date())
                    .kind(draft.kind())
                    .fundId(draft.fundId())
                    .amount(draft.amount())
                    .donorId(draft.donorId())
                    .channel(draft.channel())
                    .purpose(draft.purpose())
                    .description(draft.description())
                    .receiptNo(draft.date().getYear() + "-"
                            + String.format(
                                    "%06d", repo.nextReceiptNo(draft.date().getYear())))
                    .payee(draft.payee())
                    .voucherNo(draft.voucherNo())
                    .approvedBy(draft.approvedBy())
                    .itemId(draft.itemId())
                    .quantity(draft.quantity())
                    .goodsValue(draft.goodsValue())
                    .condition(draft.condition())
                    .expiry(draft.expiry())
                    .issuedTo(draft.issuedTo())
                    .createdAt(now())
                    .createdBy("demo")
                    .build();
        }
        return append(e, AuditSummary.of("auditSummary.value", e.kind()));
    }

    LedgerEntry append(LedgerEntry draft, AuditSummary summary) {
        LedgerRepository.Head head = repo.lockHead();
        long seq = head.lastSeq() + 1;
        LedgerEntry placed = draft.chained(seq, head.lastHash(), null);
        LedgerEntry e = placed.chained(seq, head.lastHash(), LedgerHash.of(placed));
        repo.insert(e);
        repo.moveHead(seq, e.hash());
        audit.record(AuditLog.CREATE, "ledger_entry", seq, summary, null);
        return e;
    }

    void openPeriod(LocalDate date) {
        if (repo.periods().periodClosed(YearMonth.from(date).toString())) {
            throw new UserFacingException(
                    "ledger.periodClosed", YearMonth.from(date).toString());
        }
    }

    /** Appends checked entries (the caller holds the head), each with its audit row as if entered by hand. */
    int appendAll(List<LedgerEntry> entries) {
        for (LedgerEntry e : entries) {
            append(
                    e,
                    e.money()
                            ? AuditSummary.of(
                                    "auditSummary.ledgerAmount",
                                    e.kind(),
                                    e.amount().toPlainString())
                            : AuditSummary.of(
                                    "auditSummary.goods",
                                    e.kind(),
                                    repo.registers()
                                            .item(e.itemId())
                                            .map(GoodsItem::name)
                                            .orElse(""),
                                    e.quantity()));
        }
        return entries.size();
    }

    /** Seconds: what the database keeps is what was hashed. */
    LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The home's today, for the parts' date checks (one clock for the whole ledger). */
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
