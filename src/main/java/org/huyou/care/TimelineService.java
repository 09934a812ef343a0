package org.huyou.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceContext;

/**
 * One timeline per resident across every part of the care file, a page at a time: each registered source gives its
 * next page after the cursor, the pages are merged in order, and the first {@code limit} entries are the page. Only
 * sources the viewer may see take part, so a caregiver's timeline carries no medical entries; a sealed source's
 * entries show to others only as "an entry exists".
 */
public final class TimelineService {

    /** An entry with the index of the source it came from: the cursor's middle key. */
    private record Ranked(TimelineEntry entry, int source) {}

    private static final Comparator<Ranked> ORDER = Comparator.comparing(
                    (Ranked r) -> r.entry().date())
            .thenComparingInt(Ranked::source)
            .thenComparingLong(r -> r.entry().id())
            .reversed();

    private final List<TimelineSource> sources;
    private final CurrentUser user;

    public TimelineService(List<TimelineSource> sources, ServiceContext context) {
        this.sources = List.copyOf(sources);
        this.user = context.user();
    }

    /** A page of the timeline and where the next one starts (null when there is no more). */
    public record Page(List<TimelineEntry> entries, TimelineCursor next) {}

    /** What a viewer filters on: domains (empty: all they may see) and a date range (nulls: open). */
    public record Filter(Set<CareDomain> domains, LocalDate from, LocalDate to) {

        public static Filter all() {
            return new Filter(Set.of(), null, null);
        }
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Page page(long residentId, Filter filter, TimelineCursor after, int limit) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        List<Ranked> merged = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            TimelineSource s = sources.get(i);
            if (s.visible() && (filter.domains().isEmpty() || filter.domains().contains(s.domain()))) {
                int index = i;
                // The source redacts a sealed entry for a viewer without its permission.
                s.page(residentId, after.forSource(i), filter.from(), filter.to(), limit + 1)
                        .forEach(e -> merged.add(new Ranked(e, index)));
            }
        }
        merged.sort(ORDER);
        boolean more = merged.size() > limit;
        List<Ranked> page = merged.subList(0, Math.min(limit, merged.size()));
        Ranked last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(
                page.stream().map(Ranked::entry).toList(),
                more
                        ? new TimelineCursor(
                                last.entry().date(), last.source(), last.entry().id())
                        : null);
    }

    /** The domains the current user may see on a timeline (sealed ones as "an entry exists"). */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<CareDomain> visibleDomains() {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return sources.stream()
                .filter(TimelineSource::visible)
                .map(TimelineSource::domain)
                .distinct()
                .sorted()
                .toList();
    }
}
