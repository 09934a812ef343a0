package org.huyou.donations;

import static org.huyou.db.generated.Tables.MEDICAL_FUNDING;
import static org.huyou.db.generated.Tables.MEDICAL_RECORD;
import static org.huyou.db.generated.Tables.RESIDENT;

import java.time.LocalDate;
import java.util.Optional;
import org.jooq.DSLContext;

/** What a payment from a fund paid for, as the records that name it say (issue 33: a child's surgery). */
public final class LedgerUseRepository {

    private final DSLContext dsl;

    public LedgerUseRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The medical record a payment paid (a share of): whose, what kind, its title and date, voided or not. */
    public record MedicalUse(String residentName, String kind, String title, LocalDate date, boolean voided) {}

    public Optional<MedicalUse> medicalUse(long seq) {
        var f = MEDICAL_FUNDING;
        var m = MEDICAL_RECORD;
        return dsl.select(RESIDENT.NAME, m.KIND, m.TITLE, m.EVENT_DATE, m.VOIDED_AT)
                .from(f)
                .join(m)
                .on(m.ID.eq(f.MEDICAL_RECORD_ID))
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(m.RESIDENT_ID))
                .where(f.LEDGER_SEQ.eq(seq))
                .fetchOptional(x -> new MedicalUse(x.value1(), x.value2(), x.value3(), x.value4(), x.value5() != null));
    }
}
