package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment out of a fund as the use form gives it: paid now, or held as a request above the approval limit. */
public record Payment(
        long fundId,
        LocalDate date,
        BigDecimal amount,
        Fund.Purpose purpose,
        String description,
        String payee,
        String voucherNo) {}
