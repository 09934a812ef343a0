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

    /**
     * A sealed source (psychology, incidents) still shows viewers without its VIEW permission that an entry exists on
     * a date, with nothing of its content: who has to know that something happened can ask the one who may tell.
     */
    default boolean sealed() {
        return false;
    }

    /** The paging query of a source. */
    @FunctionalInterface
    interface Pager {
        List<TimelineEntry> page(long residentId, TimelineCursor.Position after, LocalDate from, LocalDate to,
                                 int limit);
    }

    static TimelineSource of(CareDomain domain, AppModule module, Pager pager) {
        return create(domain, module, pager, false);
    }

    /** A source whose entries others see only as "an entry exists". */
    static TimelineSource sealed(CareDomain domain, AppModule module, Pager pager) {
        return create(domain, module, pager, true);
    }

    private static TimelineSource create(CareDomain domain, AppModule module, Pager pager, boolean sealed) {
        return new TimelineSource() {
            @Override
            public boolean sealed() {
                return sealed;
            }

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
