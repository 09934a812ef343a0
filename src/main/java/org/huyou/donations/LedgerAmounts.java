package org.huyou.donations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.huyou.common.Checks;

/** The ledger's checks of an amount of money and a quantity of goods, as every form and import applies them. */
final class LedgerAmounts {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");

    private LedgerAmounts() {}

    /** A positive amount of whole fen (分): more decimals are an input error, not something to round away. */
    static BigDecimal money(Checks checks, BigDecimal amount) {
        checks.range("amount", "ledger.amount", amount, new BigDecimal("0.01"), MAX_AMOUNT);
        checks.rule(amount == null || amount.stripTrailingZeros().scale() <= 2, "amount", "ledger.fen");
        return amount == null || amount.stripTrailingZeros().scale() > 2
                ? null
                : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    static BigDecimal quantity(Checks checks, BigDecimal quantity) {
        checks.range("quantity", "goods.quantity", quantity, new BigDecimal("0.01"), new BigDecimal("9999999"));
        checks.rule(quantity == null || quantity.stripTrailingZeros().scale() <= 2, "quantity", "goods.quantityScale");
        return quantity == null ? null : quantity.setScale(2, RoundingMode.HALF_UP);
    }
}
