package org.huyou.volunteers;

import java.math.BigDecimal;

/** Hours per volunteer in a period: every volunteer who attended something, most hours first. */
public record HoursLine(long volunteerId, String name, String organisation, int activities, BigDecimal hours) {}
