package org.huyou.common;

import java.math.BigDecimal;

/** Hours and counts of goods as people write them: 2.5 小时, 3 箱, never 2.50 or 3E+1 (money keeps its cents). */
public final class Quantities {

    private Quantities() {}

    public static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
