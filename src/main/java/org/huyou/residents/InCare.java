package org.huyou.residents;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.huyou.db.generated.tables.ResidentStatusEvent;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The one definition of "in care on a day", which the register, the daily rounds, the allowance roll, the statistics,
 * the reminders and the transition dashboard all use: on a day a resident is in care when the latest status entry of
 * their history by that day (voided ones ignored) is in the home or in its family foster care. Adoption, transfer,
 * death and leaving at adulthood (成年离院, recorded by the transition plan) all end it, so no count keeps someone
 * who has gone.
 */
public final class InCare {

    /** The statuses in which the home looks after a child. */
    public static final Set<ResidentStatus> STATUSES =
            Collections.unmodifiableSet(EnumSet.of(ResidentStatus.IN_CARE, ResidentStatus.FAMILY_FOSTER_CARE));
    /** The same statuses as the codes the database stores, for a query's parameter list. */
    public static final List<String> CODES = STATUSES.stream().map(Enum::name).toList();

    private InCare() {}

    public static boolean status(ResidentStatus status) {
        return status != null && STATUSES.contains(status);
    }

    /**
     * A resident's status on a day (null: today, every entry counts) as a column of a query over residents: their
     * latest entry by then that is not voided, looked up through the entries' index (resident, date, id) for each
     * resident the query reaches. The {@code resident_current_status} view instead works out every resident's status
     * (each entry checked for a later one): on 20 years of a home's register that read tens of thousands of entries
     * for a list of a few hundred (issue 31). Null for one with no entry by then.
     */
    public static Field<String> statusOn(Field<Long> residentId, LocalDate day) {
        ResidentStatusEvent e = org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT.as("latest_status");
        return DSL.field(DSL.select(e.STATUS)
                .from(e)
                .where(e.RESIDENT_ID.eq(residentId))
                .and(e.VOIDED_AT.isNull())
                .and(day == null ? DSL.noCondition() : e.EVENT_DATE.le(day))
                .orderBy(e.EVENT_DATE.desc(), e.ID.desc())
                .limit(1));
    }

    /** Whether the resident is in care now, by {@link #statusOn}: for a query over residents or their records. */
    public static Condition now(Field<Long> residentId) {
        return statusOn(residentId, null).in(CODES);
    }

    /** In care on the day by this history (in any order): its latest entry by then that is not voided decides. */
    public static boolean on(List<StatusEvent> history, LocalDate day) {
        StatusEvent latest = null;
        for (StatusEvent e : history) {
            if (e.voided() || e.date().isAfter(day)) {
                continue;
            }
            if (latest == null
                    || e.date().isAfter(latest.date())
                    || e.date().equals(latest.date())
                            && e.id() != null
                            && latest.id() != null
                            && e.id() > latest.id()) {
                latest = e;
            }
        }
        return latest != null && status(latest.status());
    }
}
