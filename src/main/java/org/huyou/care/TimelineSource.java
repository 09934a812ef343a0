package org.huyou.care;

import java.time.LocalDate;
import java.util.List;
import org.huyou.security.AppModule;

/**
 * A part of the care file that shows its entries on the resident's timeline. Each part registers one with the
 * timeline; the timeline merges pages from all the sources the viewer may see.
 */
public interface TimelineSource {

    CareDomain domain();

    /** The module whose VIEW permission the viewer needs to see these entries. */
    AppModule module();

    /**
     * Up to {@code limit} entries of the resident after the position (date descending, then id descending), within
     * the dates given (null: open), voided ones included. Must use an index on (resident, date).
     */
    List<TimelineEntry> page(long residentId, TimelineCursor.Position after, LocalDate from, LocalDate to, int limit);

    /** The paging query of a source. */
    @FunctionalInterface
    interface Pager {
        List<TimelineEntry> page(long residentId, TimelineCursor.Position after, LocalDate from, LocalDate to,
                                 int limit);
    }

    static TimelineSource of(CareDomain domain, AppModule module, Pager pager) {
        return new TimelineSource() {
            @Override
            public CareDomain domain() {
                return domain;
            }

            @Override
            public AppModule module() {
                return module;
            }

            @Override
            public List<TimelineEntry> page(long residentId, TimelineCursor.Position after, LocalDate from,
                                            LocalDate to, int limit) {
                return pager.page(residentId, after, from, to, limit);
            }
        };
    }
}
