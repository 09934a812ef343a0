package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Goods received with an expiry on or before a day, of items still in stock: what to use or check. */
public record ExpiringGoods(GoodsItem item, LocalDate received, BigDecimal quantity, LocalDate expiry) {}
