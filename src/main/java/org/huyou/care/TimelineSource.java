package org.huyou.care;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.huyou.common.Messages;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * A part of the care file that shows its entries on the resident's timeline. Each part registers one with the
 * timeline; the timeline merges pages from all the sources the viewer may see. The source checks the viewer itself
 * (a final class, not an interface, so no caller gets at the query without the check): a service hands it out to
 * anyone for the wiring, and called directly it gives no more than the timeline would.
 */
public final class TimelineSource {

    /** The paging query of a source. */
    @FunctionalInterface
    public interface Pager {
        List<TimelineEntry> page(
                long residentId, TimelineCursor.Position after, LocalDate from, LocalDate to, int limit);
    }

    /** A page of a table's rows after the cursor's position, as each care table's keyset query takes it. */
    @FunctionalInterface
    public interface RowPage<T> {
        List<T> page(
                long residentId,
                LocalDate cDate,
                int sourceComparison,
                long cId,
                LocalDate from,
                LocalDate to,
                int limit);
    }

    private final CurrentUser user;
    private final CareDomain domain;
    private final AppModule module;
    private final Pager pager;
    private final boolean sealed;

    private TimelineSource(CurrentUser user, CareDomain domain, AppModule module, Pager pager, boolean sealed) {
        this.user = user;
        this.domain = domain;
        this.module = module;
        this.pager = pager;
        this.sealed = sealed;
    }

    public static TimelineSource of(CurrentUser user, CareDomain domain, AppModule module, Pager pager) {
        return new TimelineSource(user, domain, module, pager, false);
    }

    /** A source whose rows make one timeline entry each. */
    public static <T> TimelineSource rows(
            CurrentUser user, CareDomain domain, AppModule module, RowPage<T> rows, Function<T, TimelineEntry> entry) {
        return of(
                user,
                domain,
                module,
                (residentId, c, from, to, limit) ->
                        rows.page(residentId, c.date(), c.sourceComparison(), c.id(), from, to, limit).stream()
                                .map(entry)
                                .toList());
    }

    /** A source whose entries others see only as "an entry exists". */
    public static TimelineSource sealed(CurrentUser user, CareDomain domain, AppModule module, Pager pager) {
        return new TimelineSource(user, domain, module, pager, true);
    }

    public CareDomain domain() {
        return domain;
    }

    /** The module whose VIEW permission the viewer needs to see these entries. */
    public AppModule module() {
        return module;
    }

    /**
     * A sealed source (psychology, incidents) still shows viewers without its VIEW permission that an entry exists on
     * a date, with nothing of its content: who has to know that something happened can ask the one who may tell.
     */
    public boolean sealed() {
        return sealed;
    }

    /** Whether the current user sees this source on a timeline: in full, or (sealed) as "an entry exists". */
    public boolean visible() {
        return user.can(AppModule.RESIDENTS, Action.VIEW) && (sealed || user.can(module, Action.VIEW));
    }

    /**
     * Up to {@code limit} entries of the resident after the position (date descending, then id descending), within
     * the dates given (null: open), voided ones included; a sealed source's entries redacted for a viewer without
     * its VIEW permission. Refuses a viewer who may not see the source at all.
     */
    public List<TimelineEntry> page(
            long residentId, TimelineCursor.Position after, LocalDate from, LocalDate to, int limit) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        if (user.can(module, Action.VIEW)) {
            return pager.page(residentId, after, from, to, limit);
        }
        if (!sealed) {
            user.require(module, Action.VIEW); // refuses, and the refusal is audited
        }
        return pager.page(residentId, after, from, to, limit).stream()
                .map(TimelineSource::redacted)
                .toList();
    }

    /** A sealed entry as a viewer without its permission sees it: that it exists, on which date. */
    private static TimelineEntry redacted(TimelineEntry e) {
        return new TimelineEntry(
                e.domain(), e.id(), e.date(), Messages.t("timeline.sealedEntry"), null, e.voided(), null, null);
    }
}
