package org.huyou.generate;

import org.huyou.common.UserFacingException;

/**
 * How much to generate. Care and ledger entries default to the stress profile's proportions (20,000 residents: five
 * million care entries, half a million ledger entries); one long-stay resident gets a timeline of
 * {@code longStayEntries} entries, the size the timeline benchmark opens.
 */
public record StressProfile(
        int residents, int years, long careEntries, long ledgerEntries, int longStayEntries, long seed) {

    public static final long CARE_PER_RESIDENT = 250;
    public static final long LEDGER_PER_RESIDENT = 25;
    public static final int LONG_STAY_ENTRIES = 20_000;
    public static final long DEFAULT_SEED = 20261123L;

    public StressProfile {
        if (residents < 1 || residents > 1_000_000) {
            throw new UserFacingException("generate.residentsRange");
        }
        if (years < 1 || years > 60) {
            throw new UserFacingException("generate.yearsRange");
        }
        if (careEntries < 0 || ledgerEntries < 0 || longStayEntries < 0 || longStayEntries > careEntries) {
            throw new UserFacingException("generate.entriesRange");
        }
    }

    /** The proportions of the stress profile for {@code residents} residents. */
    public static StressProfile of(int residents, int years, long seed) {
        long care = residents * CARE_PER_RESIDENT;
        return new StressProfile(
                residents,
                years,
                care,
                residents * LEDGER_PER_RESIDENT,
                (int) Math.min(LONG_STAY_ENTRIES, care / 4),
                seed);
    }
}
