package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.huyou.common.Coded;
import org.huyou.common.UserFacingException;

/**
 * One row of the append-only ledger. {@code amount} is the effect on the fund (donation +, use -, a reversal the
 * opposite of its original); {@code quantity} the effect on the goods stock. {@code hash} chains the row to the one
 * before it, by the rule {@code chainVersion} names (see {@link LedgerHash}).
 */
public record LedgerEntry(
        long seq,
        LocalDate date,
        Kind kind,
        Long fundId,
        BigDecimal amount,
        Long donorId,
        Channel channel,
        Fund.Purpose purpose,
        String description,
        String receiptNo,
        String payee,
        String voucherNo,
        String approvedBy,
        Long itemId,
        BigDecimal quantity,
        BigDecimal goodsValue,
        Condition condition,
        LocalDate expiry,
        IssuedTo issuedTo,
        Long reversesSeq,
        LocalDateTime createdAt,
        String createdBy,
        String prevHash,
        String hash,
        int chainVersion) {

    /**
     * Why this entry cannot be reversed, or null when it can: a reversal is not reversed again (the correct entry is
     * recorded instead), nor is an entry reversed twice. The service refuses by it and the ledger screen disables its
     * button by it.
     */
    public UserFacingException reversalRefusal(boolean alreadyReversed) {
        if (kind == Kind.REVERSAL) {
            return new UserFacingException("ledger.reverseReversal");
        }
        return alreadyReversed ? new UserFacingException("ledger.alreadyReversed", seq) : null;
    }

    public enum Kind implements Coded {
        DONATION,
        REVERSAL,
        USE,
        GOODS_IN,
        GOODS_OUT,
        /** A fund's balance carried in on the home's move-in day (期初余额): no donor, receipt or payee. */
        OPENING;

        @Override
        public String labelPrefix() {
            return "ledgerKind";
        }
    }

    public enum Channel implements Coded {
        BANK_TRANSFER,
        CASH,
        WECHAT_PAY,
        ALIPAY,
        CHEQUE;

        @Override
        public String labelPrefix() {
            return "channel";
        }
    }

    public enum Condition implements Coded {
        NEW,
        GOOD,
        USED;

        @Override
        public String labelPrefix() {
            return "goodsCondition";
        }
    }

    public enum IssuedTo implements Coded {
        LIVING_GROUP,
        PROGRAM,
        KITCHEN,
        OTHER;

        @Override
        public String labelPrefix() {
            return "issuedTo";
        }
    }

    public boolean money() {
        return fundId != null;
    }

    /**
     * The same entry placed in the chain: its sequence number, the previous hash and its own. Its time is kept to
     * the second, as it is stored and read back: a time with nanoseconds was hashed with them and read without,
     * and the entry seemed altered (the demo loaded in the morning did that to its payments).
     */
    public LedgerEntry chained(long newSeq, String previous, String own) {
        return toBuilder()
                .seq(newSeq)
                .createdAt(createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.SECONDS))
                .prevHash(previous)
                .hash(own)
                .build();
    }

    /** The same entry under another hashing rule (tests write chains as older versions did). */
    public LedgerEntry withChainVersion(int version) {
        return toBuilder().chainVersion(version).build();
    }

    /**
     * A new entry (or a draft) built by naming the fields it sets: the rest stay empty, {@code seq} 0, hashed by the
     * current rule ({@link LedgerHash#CURRENT}).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this entry's every field, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seq = seq;
        b.date = date;
        b.kind = kind;
        b.fundId = fundId;
        b.amount = amount;
        b.donorId = donorId;
        b.channel = channel;
        b.purpose = purpose;
        b.description = description;
        b.receiptNo = receiptNo;
        b.payee = payee;
        b.voucherNo = voucherNo;
        b.approvedBy = approvedBy;
        b.itemId = itemId;
        b.quantity = quantity;
        b.goodsValue = goodsValue;
        b.condition = condition;
        b.expiry = expiry;
        b.issuedTo = issuedTo;
        b.reversesSeq = reversesSeq;
        b.createdAt = createdAt;
        b.createdBy = createdBy;
        b.prevHash = prevHash;
        b.hash = hash;
        b.chainVersion = chainVersion;
        return b;
    }

    /** Builds a {@link LedgerEntry} by field name; each setter replaces the field's value. */
    public static final class Builder {
        private long seq;
        private LocalDate date;
        private Kind kind;
        private Long fundId;
        private BigDecimal amount;
        private Long donorId;
        private Channel channel;
        private Fund.Purpose purpose;
        private String description;
        private String receiptNo;
        private String payee;
        private String voucherNo;
        private String approvedBy;
        private Long itemId;
        private BigDecimal quantity;
        private BigDecimal goodsValue;
        private Condition condition;
        private LocalDate expiry;
        private IssuedTo issuedTo;
        private Long reversesSeq;
        private LocalDateTime createdAt;
        private String createdBy;
        private String prevHash;
        private String hash;
        private int chainVersion = LedgerHash.CURRENT;

        private Builder() {}

        public Builder seq(long seq) {
            this.seq = seq;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        public Builder fundId(Long fundId) {
            this.fundId = fundId;
            return this;
        }

        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        public Builder donorId(Long donorId) {
            this.donorId = donorId;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder purpose(Fund.Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder receiptNo(String receiptNo) {
            this.receiptNo = receiptNo;
            return this;
        }

        public Builder payee(String payee) {
            this.payee = payee;
            return this;
        }

        public Builder voucherNo(String voucherNo) {
            this.voucherNo = voucherNo;
            return this;
        }

        public Builder approvedBy(String approvedBy) {
            this.approvedBy = approvedBy;
            return this;
        }

        public Builder itemId(Long itemId) {
            this.itemId = itemId;
            return this;
        }

        public Builder quantity(BigDecimal quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder goodsValue(BigDecimal goodsValue) {
            this.goodsValue = goodsValue;
            return this;
        }

        public Builder condition(Condition condition) {
            this.condition = condition;
            return this;
        }

        public Builder expiry(LocalDate expiry) {
            this.expiry = expiry;
            return this;
        }

        public Builder issuedTo(IssuedTo issuedTo) {
            this.issuedTo = issuedTo;
            return this;
        }

        public Builder reversesSeq(Long reversesSeq) {
            this.reversesSeq = reversesSeq;
            return this;
        }

        public Builder createdAt(LocalDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        public Builder prevHash(String prevHash) {
            this.prevHash = prevHash;
            return this;
        }

        public Builder hash(String hash) {
            this.hash = hash;
            return this;
        }

        public Builder chainVersion(int chainVersion) {
            this.chainVersion = chainVersion;
            return this;
        }

        public LedgerEntry build() {
            return new LedgerEntry(
                    seq,
                    date,
                    kind,
                    fundId,
                    amount,
                    donorId,
                    channel,
                    purpose,
                    description,
                    receiptNo,
                    payee,
                    voucherNo,
                    approvedBy,
                    itemId,
                    quantity,
                    goodsValue,
                    condition,
                    expiry,
                    issuedTo,
                    reversesSeq,
                    createdAt,
                    createdBy,
                    prevHash,
                    hash,
                    chainVersion);
        }
    }
}
