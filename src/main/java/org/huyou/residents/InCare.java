package org.huyou.residents;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
