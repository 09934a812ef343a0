package org.huyou.care;

import java.time.LocalDate;

/**
 * A position in a timeline (keyset paging) in the order date descending, source descending, id descending: the next
 * page holds what comes after it. {@link #START} comes before the newest entry.
 */
public record TimelineCursor(LocalDate date, int source, long id) {

    public static final TimelineCursor START =
            new TimelineCursor(LocalDate.of(9999, 12, 31), Integer.MAX_VALUE, Long.MAX_VALUE);

    /** What one source needs of the cursor to page its own rows. */
    public Position forSource(int sourceIndex) {
        return new Position(date, Integer.compare(sourceIndex, source), id);
    }

    /**
     * The cursor as one source sees it: {@code sourceComparison} below zero means rows of the cursor's date still
     * come after it, above zero that only earlier dates do, zero that the source continues after {@code id}.
     */
    public record Position(LocalDate date, int sourceComparison, long id) {}
}
