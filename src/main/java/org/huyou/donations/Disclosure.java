package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a public disclosure (公示) says for a period: money in by donor (as each wished to be named) and by fund, goods
 * in, money out by fund and purpose, each fund's opening + received - used + corrected = closing, the goods stock
 * movement, the corrections of earlier periods, and the chain's position when it was made as a verification code.
 * Nothing in it names a resident.
 *
 * <p>A reversed donation (or payment, or goods received or issued) is none: reversed within the period, neither it
 * nor its reversal is counted or summed; reversed in a later period, it stays in the period it was disclosed in, and
 * the later period shows the reversal as a {@link CorrectionLine} (its fund's and item's {@code corrected} column),
 * so no published period changes and each line adds up to its totals.
 */
public record Disclosure(
        String homeName,
        LocalDate from,
        LocalDate to,
        LocalDateTime madeAt,
        List<DonorLine> donors,
        List<FundLine> funds,
        List<UseLine> uses,
        List<GoodsLine> goods,
        List<CorrectionLine> corrections,
        long lastSeq,
        String lastHash) {

    public record DonorLine(String publicName, BigDecimal amount, int donations) {}

    /** {@code corrected}: the reversals in the period of entries dated before it (negative undoes money received). */
    public record FundLine(
            String fund,
            BigDecimal opening,
            BigDecimal received,
            BigDecimal used,
            BigDecimal corrected,
            BigDecimal closing) {}

    public record UseLine(String fund, Fund.Purpose purpose, BigDecimal amount, int payments) {}

    public record GoodsLine(
            String item,
            String unit,
            BigDecimal opening,
            BigDecimal received,
            BigDecimal value,
            BigDecimal issued,
            BigDecimal corrected,
            BigDecimal closing) {}

    /**
     * A reversal in the period of entry {@code reversedSeq}, dated {@code reversedDate} in an earlier period: its
     * fund or item, the donor as they wished to be named (empty for a payment or an issue), the effect on the fund
     * ({@code amount}, money) or on the stock ({@code quantity}, goods).
     */
    public record CorrectionLine(
            LocalDate date,
            long reversedSeq,
            LocalDate reversedDate,
            LedgerEntry.Kind reversedKind,
            String subject,
            String unit,
            String donor,
            BigDecimal amount,
            BigDecimal quantity) {

        public boolean money() {
            return amount != null;
        }
    }

    /** Anyone holding the ledger checks that entry {@code lastSeq} carries this hash and recomputes the figures. */
    public String verificationCode() {
        return lastSeq + "-" + lastHash;
    }

    public FundLine total() {
        BigDecimal o = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        BigDecimal u = BigDecimal.ZERO;
        BigDecimal k = BigDecimal.ZERO;
        BigDecimal c = BigDecimal.ZERO;
        for (FundLine f : funds) {
            o = o.add(f.opening());
            r = r.add(f.received());
            u = u.add(f.used());
            k = k.add(f.corrected());
            c = c.add(f.closing());
        }
        return new FundLine("", o, r, u, k, c);
    }
}
