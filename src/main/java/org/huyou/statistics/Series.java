package org.huyou.statistics;

import java.util.List;
import org.huyou.common.Coded;
import org.huyou.security.AppModule;

/** Series of the monthly figures and of counts that have no enum of their own. */
public enum Series implements Coded {
    COUNT(null),
    CHECKUPS(AppModule.MEDICAL),
    REHAB_SESSIONS(AppModule.REHABILITATION),
    RISK_LOW(AppModule.PSYCHOLOGY),
    RISK_MEDIUM(AppModule.PSYCHOLOGY),
    RISK_HIGH(AppModule.PSYCHOLOGY),
    MONEY_IN(AppModule.DONATIONS, Unit.YUAN),
    MONEY_OUT(AppModule.DONATIONS, Unit.YUAN),
    GOODS_IN(AppModule.DONATIONS, Unit.YUAN),
    VOLUNTEER_HOURS(AppModule.VOLUNTEERS, Unit.HOURS),
    ACTIVE_VOLUNTEERS(AppModule.VOLUNTEERS, Unit.PEOPLE),
    VISITORS(AppModule.OPEN_DAY),
    ADULT_LEFT(AppModule.TRANSITION),
    UNGRADED(null),
    // surgeries and treatments (issue 33): how many, and what each source paid of their cost; unpaid is the rest
    SURGERIES(AppModule.MEDICAL),
    TREATMENTS(AppModule.MEDICAL),
    PAID_TOMORROW_PLAN(AppModule.MEDICAL, Unit.YUAN),
    PAID_INSURANCE(AppModule.MEDICAL, Unit.YUAN),
    PAID_DONATION(AppModule.MEDICAL, Unit.YUAN),
    PAID_INSTITUTION(AppModule.MEDICAL, Unit.YUAN),
    UNPAID(AppModule.MEDICAL, Unit.YUAN);

    /** The medical funding figure's series: the sources in the order the funding form lists them, then unpaid. */
    public static final List<Series> MEDICAL_PAID =
            List.of(PAID_TOMORROW_PLAN, PAID_INSURANCE, PAID_DONATION, PAID_INSTITUTION, UNPAID);

    private final AppModule module;
    private final Unit unit;

    Series(AppModule module) {
        this(module, Unit.COUNT);
    }

    Series(AppModule module, Unit unit) {
        this.module = module;
        this.unit = unit;
    }

    public AppModule module() {
        return module;
    }

    public Unit unit() {
        return unit;
    }

    /** The unit of a chart's series key: a {@link Series}, or else a category of a count (a grade, a status). */
    public static Unit unitOf(String seriesKey) {
        for (Series s : values()) {
            if (s.name().equals(seriesKey)) {
                return s.unit;
            }
        }
        return Unit.COUNT;
    }

    @Override
    public String labelPrefix() {
        return "statSeries";
    }
}
