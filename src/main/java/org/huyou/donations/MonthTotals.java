package org.huyou.donations;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month's money received from donors and money used (both as positive sums), over every fund. */
public record MonthTotals(YearMonth month, BigDecimal received, BigDecimal used) {}
