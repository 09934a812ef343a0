package org.huyou.donations;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huyou.common.Checks;
import org.huyou.common.Messages;

/**
 * The days the ledger still takes new entries on, as the closed months and the register of disclosures stand: not in
 * a month the director closed, and after the end of every published disclosure's period. An entry dated on or before
 * a published period's end changes what the public saw (inside the period its lines and totals, before it the
 * opening balances), so a correction goes into a later, open period instead. Read once for all of an import's rows.
 */
record OpenPeriods(Set<String> closed, List<PublishedDisclosure> published) {

    /** The sentence for a date typed in a form or an import row. */
    static final String TYPED = "ledger.publishedPeriod";

    /** The sentence for a reversal, which is dated the day it is made and cannot be dated otherwise. */
    static final String REVERSAL = "ledger.reversalPublishedPeriod";

    /**
     * Adds to {@code checks} why {@code date} is refused, if it is, under {@code field} and in a sentence naming the
     * field by {@code labelKey}, the date, and the disclosure (period and code) it would change.
     */
    void check(Checks checks, String field, String labelKey, String sentence, LocalDate date) {
        if (date == null) {
            return;
        }
        String month = YearMonth.from(date).toString();
        checks.rule(!closed.contains(month), field, "ledger.periodClosed", Messages.t(labelKey), month);
        changed(date)
                .ifPresent(p -> checks.rule(
                        false,
                        field,
                        sentence,
                        Messages.t(labelKey),
                        date.toString(),
                        p.from().toString(),
                        p.to().toString(),
                        p.verificationCode()));
    }

    /** Whether an entry of this date is taken: its month not closed and no published period changed by it. */
    boolean takes(LocalDate date) {
        return !closed.contains(YearMonth.from(date).toString())
                && changed(date).isEmpty();
    }

    /**
     * The published disclosure an entry of this date would change: the earliest period ending on or after it (the
     * standing publication of that period first).
     */
    Optional<PublishedDisclosure> changed(LocalDate date) {
        return published.stream()
                .filter(p -> !date.isAfter(p.to()))
                .min(Comparator.comparing(PublishedDisclosure::to)
                        .thenComparing(PublishedDisclosure::superseded)
                        .thenComparing(PublishedDisclosure::id, Comparator.reverseOrder()));
    }

    /**
     * The first day of today's month an entry would be taken on: past the closed months and the published periods,
     * never after today.
     */
    LocalDate firstOpenDay(LocalDate today) {
        LocalDate lastPublished = published.stream()
                .map(PublishedDisclosure::to)
                .max(Comparator.naturalOrder())
                .orElse(null);
        LocalDate day = today.withDayOfMonth(1);
        while (day.isBefore(today)) {
            if (closed.contains(YearMonth.from(day).toString())) {
                day = day.plusMonths(1).withDayOfMonth(1);
            } else if (lastPublished != null && !day.isAfter(lastPublished)) {
                day = lastPublished.plusDays(1);
            } else {
                break;
            }
        }
        return day.isAfter(today) ? today : day;
    }
}
