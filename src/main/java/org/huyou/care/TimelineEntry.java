package org.huyou.care;

import java.time.LocalDate;

/** One line of a resident's timeline, from whichever part recorded it. Voided entries stay, marked. */
public record TimelineEntry(CareDomain domain, long id, LocalDate date, String summary, String recordedBy,
                            boolean voided, String voidReason) {
}
