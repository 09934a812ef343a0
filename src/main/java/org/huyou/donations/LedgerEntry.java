package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.huyou.common.Coded;

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

    /** A new entry (or a draft): hashed by the current rule, {@link LedgerHash#CURRENT}. */
    public LedgerEntry(
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
            String hash) {
        this(
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
                LedgerHash.CURRENT);
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
        return new LedgerEntry(
                newSeq,
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
                createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.SECONDS),
                createdBy,
                previous,
                own,
                chainVersion);
    }

    /** The same entry under another hashing rule (tests write chains as older versions did). */
    public LedgerEntry withChainVersion(int version) {
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
                version);
    }
}
