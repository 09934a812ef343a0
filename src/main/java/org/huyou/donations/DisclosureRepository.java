package org.huyou.donations;

import static org.huyou.db.generated.Tables.DISCLOSURE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huyou.common.UserFacingException;
import org.jooq.DSLContext;

/** The register of disclosures made. */
public final class DisclosureRepository {

    private final DSLContext dsl;

    public DisclosureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Registers a disclosure made; a corrected re-publication names the one it supersedes and why. */
    public long insert(Disclosure d, String xlsx, String pdf, String actor, Long supersedes, String reason) {
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
                .set(t.SUPERSEDES_ID, supersedes)
                .set(t.CORRECTION_REASON, reason)
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

    /** The period's publication standing (the last, which none supersedes), if it was published. */
    public Optional<PublishedDisclosure> standing(LocalDate from, LocalDate to) {
        return all().stream()
                .filter(p -> p.from().equals(from) && p.to().equals(to) && !p.superseded())
                .findFirst();
    }

    /** Every disclosure made, the latest period first and within it the latest publication first. */
    public List<PublishedDisclosure> all() {
        var t = DISCLOSURE;
        Map<Long, Long> supersededBy = new HashMap<>();
        dsl.select(t.SUPERSEDES_ID, t.ID)
                .from(t)
                .where(t.SUPERSEDES_ID.isNotNull())
                .forEach(r -> supersededBy.put(r.value1(), r.value2()));
        return dsl.selectFrom(t)
                .orderBy(t.PERIOD_TO.desc(), t.PERIOD_FROM.desc(), t.ID.desc())
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
                        r.getTotalUsed(),
                        r.getSupersedesId(),
                        r.getCorrectionReason(),
                        supersededBy.get(r.getId())));
    }
}
