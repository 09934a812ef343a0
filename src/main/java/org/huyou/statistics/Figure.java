package org.huyou.statistics;

import org.huyou.common.Coded;
import org.huyou.security.AppModule;

/**
 * The figures a director reports upward. Each says which module's VIEW permission its drill-down needs: the counts are
 * for everyone with the dashboard, the people and entries behind them only for those who may see them.
 */
public enum Figure implements Coded {
    RESIDENTS_BY_CATEGORY(AppModule.RESIDENTS, false, true),
    RESIDENTS_BY_AGE_BAND(AppModule.RESIDENTS, false, true),
    RESIDENTS_BY_SEX(AppModule.RESIDENTS, false, true),
    RESIDENTS_BY_DISABILITY(AppModule.RESIDENTS, false, true),
    RESIDENTS_BY_STATUS(AppModule.RESIDENTS, false, true),
    ADMISSIONS_BY_SOURCE(AppModule.RESIDENTS, false, true),
    DEPARTURES_BY_DESTINATION(AppModule.RESIDENTS, false, true),
    PLACEMENTS_BY_PATHWAY(AppModule.TRANSITION, false, true),
    // checkups, sessions and assessments are different things; money in, out and goods are not one sum; nor are
    // hours and people
    CARE_ACTIVITY(null, true, false),
    DONATIONS(AppModule.DONATIONS, true, false),
    VOLUNTEERS(AppModule.VOLUNTEERS, true, false),
    OPEN_DAY(AppModule.OPEN_DAY, true, true),
    // per year: surgeries and treatments counted, and their cost by who paid it (the parts add up to the cost)
    MEDICAL_CASES(AppModule.MEDICAL, false, true),
    MEDICAL_FUNDING(AppModule.MEDICAL, false, true);

    private final AppModule drillModule;
    private final boolean monthly;
    private final boolean seriesAddUp;

    Figure(AppModule drillModule, boolean monthly, boolean seriesAddUp) {
        this.drillModule = drillModule;
        this.monthly = monthly;
        this.seriesAddUp = seriesAddUp;
    }

    /**
     * Whether the series are parts of one whole (sources of admissions, grades of disability), so a row may show
     * their 合计; false where they are different things or units.
     */
    public boolean seriesAddUp() {
        return seriesAddUp;
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
