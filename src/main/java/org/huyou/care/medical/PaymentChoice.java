package org.huyou.care.medical;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment from a medical (医疗救助) fund a donation share may name, as the funding form offers it. */
public record PaymentChoice(long seq, LocalDate date, BigDecimal amount, String payee, String description) {}
