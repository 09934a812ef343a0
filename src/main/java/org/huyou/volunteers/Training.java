package org.huyou.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A training course a volunteer attended. */
public record Training(long id, long volunteerId, String course, LocalDate trainedOn, BigDecimal hours) {}
