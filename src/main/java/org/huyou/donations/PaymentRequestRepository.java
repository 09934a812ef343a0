package org.huyou.donations;

import static org.huyou.db.generated.Tables.PAYMENT_REQUEST;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.db.generated.tables.records.PaymentRequestRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Payment requests above the approval limit, waiting for the director's decision. */
public final class PaymentRequestRepository {

    private final DSLContext dsl;

    public PaymentRequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new request as {@code r} gives it (its id, version and decision are the database's). */
    public long insertRequest(PaymentRequest r, LocalDateTime now) {
        var p = PAYMENT_REQUEST;
        return dsl.insertInto(p)
                .set(p.FUND_ID, r.fundId())
                .set(p.REQUEST_DATE, r.date())
                .set(p.AMOUNT, r.amount())
                .set(p.PURPOSE, r.purpose().name())
                .set(p.DESCRIPTION, r.description())
                .set(p.PAYEE, r.payee())
                .set(p.VOUCHER_NO, r.voucherNo())
                .set(p.STATUS, r.status().name())
                .set(p.CREATED_AT, now)
                .set(p.CREATED_BY, r.requestedBy())
                .returning(p.ID)
                .fetchOne(p.ID);
    }

    public Optional<PaymentRequest> request(long id) {
        return dsl.selectFrom(PAYMENT_REQUEST)
                .where(PAYMENT_REQUEST.ID.eq(id))
                .fetchOptional(PaymentRequestRepository::request);
    }

    public List<PaymentRequest> pendingRequests() {
        return dsl.selectFrom(PAYMENT_REQUEST)
                .where(PAYMENT_REQUEST.STATUS.eq("PENDING"))
                .orderBy(PAYMENT_REQUEST.ID)
                .fetch(PaymentRequestRepository::request);
    }

    /** The sum of a fund's requests still waiting: money spoken for until the director decides. */
    public BigDecimal pendingTotal(long fundId) {
        var p = PAYMENT_REQUEST;
        BigDecimal b = dsl.select(DSL.sum(p.AMOUNT))
                .from(p)
                .where(p.FUND_ID.eq(fundId))
                .and(p.STATUS.eq("PENDING"))
                .fetchOne(0, BigDecimal.class);
        return b == null ? BigDecimal.ZERO : b;
    }

    /** Requests still waiting, then those {@code requestedBy} made that were decided since {@code since}. */
    public List<PaymentRequest> requestsToShow(String requestedBy, LocalDateTime since) {
        var p = PAYMENT_REQUEST;
        return dsl.selectFrom(p)
                .where(p.STATUS.eq("PENDING"))
                .or(p.CREATED_BY.eq(requestedBy).and(p.DECIDED_AT.ge(since)))
                .orderBy(DSL.when(p.STATUS.eq("PENDING"), 0).otherwise(1), p.ID.desc())
                .fetch(PaymentRequestRepository::request);
    }

    public boolean decide(
            long id, int version, PaymentRequest.Status status, Long seq, String actor, LocalDateTime now) {
        return decide(id, version, status, seq, actor, now, null);
    }

    public boolean decide(
            long id,
            int version,
            PaymentRequest.Status status,
            Long seq,
            String actor,
            LocalDateTime now,
            String reason) {
        var p = PAYMENT_REQUEST;
        return dsl.update(p)
                        .set(p.STATUS, status.name())
                        .set(p.DECIDED_BY, actor)
                        .set(p.DECIDED_AT, now)
                        .set(p.LEDGER_SEQ, seq)
                        .set(p.DECISION_REASON, reason)
                        .set(p.VERSION, p.VERSION.plus(1))
                        .where(p.ID.eq(id))
                        .and(p.VERSION.eq(version))
                        .and(p.STATUS.eq("PENDING"))
                        .execute()
                == 1;
    }

    private static PaymentRequest request(PaymentRequestRecord r) {
        return new PaymentRequest(
                r.getId(),
                new Payment(
                        r.getFundId(),
                        r.getRequestDate(),
                        r.getAmount(),
                        Fund.Purpose.valueOf(r.getPurpose()),
                        r.getDescription(),
                        r.getPayee(),
                        r.getVoucherNo()),
                PaymentRequest.Status.valueOf(r.getStatus()),
                r.getCreatedBy(),
                r.getVersion(),
                r.getDecidedBy(),
                r.getDecisionReason());
    }
}
