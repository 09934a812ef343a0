package org.huyou.statistics;

import org.huyou.common.Coded;
import org.huyou.security.AppModule;

/**
 * The figures a director reports upward. Each says which module's VIEW permission its drill-down needs: the counts are
 * for everyone with the dashboard, the people and entries behind them only for those who may see them.
 */
public enum Figure implements Coded {
    RESIDENTS_BY_CATEGORY(AppModule.RESIDENTS, false),
    RESIDENTS_BY_AGE_BAND(AppModule.RESIDENTS, false),
    RESIDENTS_BY_SEX(AppModule.RESIDENTS, false),
    RESIDENTS_BY_DISABILITY(AppModule.RESIDENTS, false),
    RESIDENTS_BY_STATUS(AppModule.RESIDENTS, false),
    ADMISSIONS_BY_SOURCE(AppModule.RESIDENTS, false),
    DEPARTURES_BY_DESTINATION(AppModule.RESIDENTS, false),
    PLACEMENTS_BY_PATHWAY(AppModule.TRANSITION, false),
    CARE_ACTIVITY(null, true),
    DONATIONS(AppModule.DONATIONS, true),
    VOLUNTEERS(AppModule.VOLUNTEERS, true),
    OPEN_DAY(AppModule.OPEN_DAY, true);

    private final AppModule drillModule;
    private final boolean monthly;

    Figure(AppModule drillModule, boolean monthly) {
        this.drillModule = drillModule;
        this.monthly = monthly;
    }

    /** The module whose VIEW the drill-down needs; null when it depends on the series (care activity). */
    public AppModule drillModule() {
        return drillModule;
    }

    /** Per month of the chosen year (x = 1..12), rather than a snapshot or per year. */
    public boolean monthly() {
        return monthly;
    }

    @Override
    public String labelPrefix() {
        return "figure";
    }
}
