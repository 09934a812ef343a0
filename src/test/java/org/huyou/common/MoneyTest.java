package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.huyou.common.ui.InlineForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts as people type them, and the sentence for what is not one. */
class MoneyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1,234.50",
                "1234.5",
                "1234.50",
                "１２３４．５",
                "¥1,234.50",
                "￥1234.5",
                " 1 234.50 ",
                "1234.5元",
                "１，２３４．５０",
                "1234。5"
            })
    void whatPeopleTypeIsRead(String typed) {
        assertEquals(0, new BigDecimal("1234.5").compareTo(Money.parse(typed)), typed);
    }

    @Test
    void smallAndWholeAmountsAndNothingTyped() {
        assertEquals(new BigDecimal("0.01"), Money.parse("0.01"));
        assertEquals(new BigDecimal("20000"), Money.parse("20000"));
        assertEquals(new BigDecimal("1234567.89"), Money.parse("1,234,567.89"));
        assertNull(Money.parse(""));
        assertNull(Money.parse("  "));
        assertNull(Money.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,3a", "abc", "1,23.4", "12,34", "1.2.3", "¥", "1e5", "--5", "1,234,56"})
    void anythingElseIsNotAnAmount(String typed) {
        assertThrows(Money.NotAnAmount.class, () -> Money.parse(typed), typed);
    }

    @Test
    void aBadAmountIsRefusedWithASentenceNamingTheField() {
        Messages.use(Messages.CHINESE);
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> InlineForms.amount("donationAmount", Messages.t("ledger.amount"), "12,3a"));
        assertEquals("donationAmount", e.errors().get(0).field());
        String said = e.userMessage();
        assertTrue(said.startsWith("金额（元）"), said);
        assertTrue(said.contains("12,3a") && said.contains("不是有效的金额"), said);
        assertTrue(!said.contains("必填"), said);
        assertEquals(0, new BigDecimal("1234.5").compareTo(InlineForms.amount("donationAmount", "金额", "１２３４．５")));
    }

    @Test
    void formatsAsPeopleReadIt() {
        assertEquals("¥1,234.50", Money.format(new BigDecimal("1234.5")));
        assertEquals("509,234.50", Money.amount(new BigDecimal("509234.5")));
        assertEquals("-1,000.01", Money.amount(new BigDecimal("-1000.005")));
        Messages.use(Messages.CHINESE);
        assertEquals("509,234.50 元", Money.yuan(new BigDecimal("509234.50")));
    }
}
