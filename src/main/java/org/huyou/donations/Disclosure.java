package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a public disclosure (公示) says for a period: money in by donor (as each wished to be named) and by fund, goods
 * in, money out by fund and purpose, each fund's opening + received - used = closing, the goods stock movement, and
 * the chain's position when it was made as a verification code. Nothing in it names a resident.
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
        long lastSeq,
        String lastHash) {

    public record DonorLine(String publicName, BigDecimal amount, int donations) {}

    public record FundLine(String fund, BigDecimal opening, BigDecimal received, BigDecimal used, BigDecimal closing) {}

    public record UseLine(String fund, Fund.Purpose purpose, BigDecimal amount, int payments) {}

    public record GoodsLine(
            String item,
            String unit,
            BigDecimal opening,
            BigDecimal received,
            BigDecimal value,
            BigDecimal issued,
            BigDecimal closing) {}

    /** Anyone holding the ledger checks that entry {@code lastSeq} carries this hash and recomputes the figures. */
    public String verificationCode() {
        return lastSeq + "-" + lastHash;
    }

    public FundLine total() {
        BigDecimal o = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        BigDecimal u = BigDecimal.ZERO;
        BigDecimal c = BigDecimal.ZERO;
        for (FundLine f : funds) {
            o = o.add(f.opening());
            r = r.add(f.received());
            u = u.add(f.used());
            c = c.add(f.closing());
        }
        return new FundLine("", o, r, u, c);
    }
}
