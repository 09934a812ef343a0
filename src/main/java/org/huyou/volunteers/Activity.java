package org.huyou.volunteers;

import java.time.LocalDate;
import java.time.LocalTime;

/** A volunteer activity or shift: when, where, the specialty wanted, how many, and whether children are present. */
public record Activity(long id, String title, LocalDate date, LocalTime start, LocalTime end, String place,
                       Volunteer.Specialty specialty, int capacity, boolean withChildren) {
}
