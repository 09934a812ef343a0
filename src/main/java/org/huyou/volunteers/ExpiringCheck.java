package org.huyou.volunteers;

import java.time.LocalDate;

/** Volunteers whose latest check is clear and runs out between two days. */
public record ExpiringCheck(Volunteer volunteer, LocalDate validUntil) {}
