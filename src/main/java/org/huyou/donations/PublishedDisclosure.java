package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A disclosure in the register of those made: its period, who made it when, its files, code and totals. */
public record PublishedDisclosure(
        long id,
        LocalDate from,
        LocalDate to,
        LocalDateTime madeAt,
        String madeBy,
        String xlsx,
        String pdf,
        String verificationCode,
        BigDecimal received,
        BigDecimal used) {}
