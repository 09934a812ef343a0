package org.huyou.donations;

import static org.huyou.db.generated.Tables.CLOSED_PERIOD;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;

/** The ledger's closed months (yyyy-MM): no entry may be dated in one. */
public final class ClosedPeriodRepository {

    private final DSLContext dsl;

    public ClosedPeriodRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean periodClosed(String period) {
        return dsl.fetchExists(CLOSED_PERIOD, CLOSED_PERIOD.PERIOD.eq(period));
    }

    public void closePeriod(String period, String actor, LocalDateTime now) {
        dsl.insertInto(CLOSED_PERIOD)
                .set(CLOSED_PERIOD.PERIOD, period)
                .set(CLOSED_PERIOD.CLOSED_AT, now)
                .set(CLOSED_PERIOD.CLOSED_BY, actor)
                .execute();
    }

    public List<String> closedPeriods() {
        return dsl.select(CLOSED_PERIOD.PERIOD)
                .from(CLOSED_PERIOD)
                .orderBy(CLOSED_PERIOD.PERIOD.desc())
                .fetch(CLOSED_PERIOD.PERIOD);
    }
}
