package org.huyou.care.daily;

import static org.huyou.db.generated.Tables.CAREGIVER_ASSIGNMENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.jooq.DSLContext;

/** Caregiver assignments of residents. */
public final class CaregiverRepository {

    private final DSLContext dsl;

    public CaregiverRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Closes the open assignment the day before {@code from}, if one started earlier. */
    public void closeOpen(long residentId, LocalDate from, String actor, LocalDateTime now) {
        var c = CAREGIVER_ASSIGNMENT;
        dsl.update(c)
                .set(c.TO_DATE, from.minusDays(1))
                .set(c.UPDATED_AT, now)
                .set(c.UPDATED_BY, actor)
                .set(c.VERSION, c.VERSION.plus(1))
                .where(c.RESIDENT_ID.eq(residentId))
                .and(c.TO_DATE.isNull())
                .and(c.VOIDED_AT.isNull())
                .and(c.FROM_DATE.lt(from))
                .execute();
    }

    public boolean openStartsOnOrAfter(long residentId, LocalDate from) {
        var c = CAREGIVER_ASSIGNMENT;
        return dsl.fetchExists(
                c, c.RESIDENT_ID.eq(residentId).and(c.VOIDED_AT.isNull()).and(c.FROM_DATE.ge(from)));
    }

    public long insert(
            long residentId, String caregiver, LocalDate from, String note, String actor, LocalDateTime now) {
        var c = CAREGIVER_ASSIGNMENT;
        return dsl.insertInto(c)
                .set(c.RESIDENT_ID, residentId)
                .set(c.CAREGIVER_NAME, caregiver)
                .set(c.FROM_DATE, from)
                .set(c.NOTE, note)
                .set(c.CREATED_AT, now)
                .set(c.CREATED_BY, actor)
                .returning(c.ID)
                .fetchOne(c.ID);
    }

    public Voidable voidable(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, CAREGIVER_ASSIGNMENT, actor, now);
    }

    /** Newest first, voided included. */
    public List<CaregiverAssignment> history(long residentId) {
        var c = CAREGIVER_ASSIGNMENT;
        return dsl.selectFrom(c)
                .where(c.RESIDENT_ID.eq(residentId))
                .orderBy(c.FROM_DATE.desc(), c.ID.desc())
                .fetch(r -> new CaregiverAssignment(
                        r.getId(),
                        r.getResidentId(),
                        r.getCaregiverName(),
                        r.getFromDate(),
                        r.getToDate(),
                        r.getNote(),
                        r.getCreatedBy(),
                        r.getVoidedAt() != null));
    }
}
