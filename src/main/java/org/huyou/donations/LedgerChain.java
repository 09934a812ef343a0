package org.huyou.donations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import org.huyou.common.Checks;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;

/**
 * Appending to the hash chain: each entry placed after the head with the next number, the head's hash and its own,
 * with its audit row, in the caller's transaction. The callers have checked the entry, its date first
 * ({@link #openPeriod}, {@link #openPeriods}); the append checks the date again, so a closed month or a published
 * disclosure's period takes nothing, whichever way an entry comes.
 */
final class LedgerChain {

    private final LedgerRepository repo;
    private final DisclosureRepository disclosures;
    private final AuditLog audit;
    private final Clock clock;

    LedgerChain(LedgerRepository repo, DisclosureRepository disclosures, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.disclosures = disclosures;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The next receipt number of the entry's year (2026-000048), in the caller's transaction: money donations and
     * goods received share one gap-free series, as both are given a receipt.
     */
    String nextReceiptNo(LocalDate date) {
        return date.getYear() + "-" + String.format("%06d", repo.nextReceiptNo(date.getYear()));
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
                    .receiptNo(nextReceiptNo(draft.date()))
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
        repo.lockHead();
        return append(openPeriods(), draft, summary);
    }

    /**
     * The last guard, whatever path appends (one added later too): an entry dated in a closed month or on or before
     * the end of a published period is refused here even when its caller forgot {@link #openPeriod}.
     */
    private LedgerEntry append(OpenPeriods open, LedgerEntry draft, AuditSummary summary) {
        boolean reversal = draft.kind() == LedgerEntry.Kind.REVERSAL;
        refuseIfNotOpen(
                open,
                reversal ? "ledger.reversalDate" : "ledger.date",
                reversal ? OpenPeriods.REVERSAL : OpenPeriods.TYPED,
                draft.date());
        LedgerRepository.Head head = repo.lockHead();
        long seq = head.lastSeq() + 1;
        LedgerEntry placed = draft.chained(seq, head.lastHash(), null);
        LedgerEntry e = placed.chained(seq, head.lastHash(), LedgerHash.of(placed));
        repo.insert(e);
        repo.moveHead(seq, e.hash());
        audit.record(AuditLog.CREATE, "ledger_entry", seq, summary, null);
        return e;
    }

    /**
     * Refuses a new entry's date (a form's {@code date} field, labelled {@code ledger.date}) in a closed month or on or
     * before the end of a published disclosure's period, naming the field, the date and that disclosure. Takes the
     * head first, as the append and the disclosure's registration do: no publication slips in between.
     */
    void openPeriod(LocalDate date) {
        repo.lockHead();
        refuseIfNotOpen(openPeriods(), "ledger.date", OpenPeriods.TYPED, date);
    }

    /** As {@link #openPeriod(LocalDate)} for a reversal, dated the day it is made. */
    void openPeriodForReversal(LocalDate date) {
        repo.lockHead();
        refuseIfNotOpen(openPeriods(), "ledger.reversalDate", OpenPeriods.REVERSAL, date);
    }

    private void refuseIfNotOpen(OpenPeriods open, String labelKey, String sentence, LocalDate date) {
        Checks checks = new Checks(today());
        open.check(checks, "date", labelKey, sentence, date);
        checks.throwIfAny();
    }

    /** The closed months and the published disclosures as they stand: what an import checks each row's date against. */
    OpenPeriods openPeriods() {
        return new OpenPeriods(new HashSet<>(repo.periods().closedPeriods()), disclosures.all());
    }

    /** Appends checked entries (the caller holds the head), each with its audit row as if entered by hand. */
    int appendAll(List<LedgerEntry> entries) {
        OpenPeriods open = openPeriods(); // read once: the caller holds the head, so nothing is published meanwhile
        for (LedgerEntry e : entries) {
            append(
                    open,
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
