package org.huyou.donations;

import static org.huyou.db.generated.Tables.DISCLOSURE;

import java.util.List;
import org.huyou.common.UserFacingException;
import org.jooq.DSLContext;

/** The register of disclosures made. */
public final class DisclosureRepository {

    private final DSLContext dsl;

    public DisclosureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(Disclosure d, String xlsx, String pdf, String actor) {
        var t = DISCLOSURE;
        Disclosure.FundLine total = d.total();
        return dsl.insertInto(t)
                .set(t.PERIOD_FROM, d.from())
                .set(t.PERIOD_TO, d.to())
                .set(t.MADE_AT, d.madeAt())
                .set(t.MADE_BY, actor)
                .set(t.XLSX_FILE, xlsx)
                .set(t.PDF_FILE, pdf)
                .set(t.VERIFICATION_CODE, d.verificationCode())
                .set(t.TOTAL_RECEIVED, total.received())
                .set(t.TOTAL_USED, total.used())
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /**
     * The code of every disclosure made, the earliest first: what verification checks the chain against. A code in
     * a form the program never wrote (the register edited by hand) is kept as it is, so it cannot match.
     */
    public List<PublishedCode> codes() {
        var t = DISCLOSURE;
        return dsl.selectFrom(t).orderBy(t.MADE_AT, t.ID).fetch(r -> {
            try {
                return PublishedCode.of(
                        r.getId(), r.getPeriodFrom(), r.getPeriodTo(), r.getMadeAt(), r.getVerificationCode());
            } catch (UserFacingException notACode) {
                return new PublishedCode(
                        r.getId(), r.getPeriodFrom(), r.getPeriodTo(), r.getMadeAt(), 0, r.getVerificationCode());
            }
        });
    }

    public List<PublishedDisclosure> all() {
        var t = DISCLOSURE;
        return dsl.selectFrom(t)
                .orderBy(t.PERIOD_TO.desc(), t.ID.desc())
                .fetch(r -> new PublishedDisclosure(
                        r.getId(),
                        r.getPeriodFrom(),
                        r.getPeriodTo(),
                        r.getMadeAt(),
                        r.getMadeBy(),
                        r.getXlsxFile(),
                        r.getPdfFile(),
                        r.getVerificationCode(),
                        r.getTotalReceived(),
                        r.getTotalUsed()));
    }
}
