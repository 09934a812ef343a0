package org.huyou.transition;

import org.huyou.common.Coded;

/** Where a young person goes at adulthood. */
public enum Pathway implements Coded {
    /** 社会化安置: back to the village or community of household registration, with a one-time subsidy. */
    SOCIALIZED,
    /** 特困人员救助供养: at home or in a support institution. */
    DESTITUTE_SUPPORT,
    /** Transfer to a social welfare institution. */
    WELFARE_TRANSFER,
    /** Still studying: the education grant until graduation. */
    CONTINUING_EDUCATION;

    @Override
    public String labelPrefix() {
        return "pathway";
    }

    /**
     * The pathway an assessment suggests: still studying and not unable → continuing education; able to live
     * independently → socialized placement; partly → support as a destitute person; not able → a welfare institution.
     */
    public static Pathway suggest(Capability.Conclusion conclusion, boolean studying) {
        if (studying && conclusion != Capability.Conclusion.NOT_ABLE) {
            return CONTINUING_EDUCATION;
        }
        return switch (conclusion) {
            case INDEPENDENT -> SOCIALIZED;
            case PARTLY -> DESTITUTE_SUPPORT;
            case NOT_ABLE -> WELFARE_TRANSFER;
        };
    }
}
