package org.huyou.statistics;

import org.huyou.common.Coded;
import org.huyou.security.AppModule;

/** Series of the monthly figures and of counts that have no enum of their own. */
public enum Series implements Coded {
    COUNT(null), CHECKUPS(AppModule.MEDICAL), REHAB_SESSIONS(AppModule.REHABILITATION),
    RISK_LOW(AppModule.PSYCHOLOGY), RISK_MEDIUM(AppModule.PSYCHOLOGY), RISK_HIGH(AppModule.PSYCHOLOGY),
    MONEY_IN(AppModule.DONATIONS), MONEY_OUT(AppModule.DONATIONS), GOODS_IN(AppModule.DONATIONS),
    VOLUNTEER_HOURS(AppModule.VOLUNTEERS), ACTIVE_VOLUNTEERS(AppModule.VOLUNTEERS), VISITORS(AppModule.OPEN_DAY),
    ADULT_LEFT(AppModule.TRANSITION), UNGRADED(null);

    private final AppModule module;

    Series(AppModule module) {
        this.module = module;
    }

    public AppModule module() {
        return module;
    }

    @Override
    public String labelPrefix() {
        return "statSeries";
    }
}
