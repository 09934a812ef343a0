package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refused number names its field and its limits as people read them. */
class ChecksTest {

    private Locale before;

    @BeforeEach
    void chinese() {
        before = Messages.locale();
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void back() {
        Messages.use(before);
    }

    @Test
    void aLimitIsGroupedWithoutTrailingZeros() {
        Checks checks = new Checks(LocalDate.of(2026, 12, 1));
        checks.range(
                "amount",
                "ledger.amount",
                new BigDecimal("100000000.01"),
                new BigDecimal("0.01"),
                new BigDecimal("100000000.00"));
        checks.range("height", "growth.height", new BigDecimal("300"), new BigDecimal("30"), new BigDecimal("230.5"));
        assertEquals(2, checks.errors().size());
        assertEquals(
                Messages.t("ledger.amount") + "：应在 0.01 到 100,000,000 之间。",
                checks.errors().get(0).message());
        assertTrue(
                checks.errors().get(1).message().endsWith("应在 30 到 230.5 之间。"),
                checks.errors().get(1).message());
    }

    @Test
    void aPastDateIsMissingInItsOwnSentenceAndLaterThanTodayByName() {
        Checks checks = new Checks(LocalDate.of(2026, 11, 23));
        checks.pastDate("date", "growth.date", null, "validation.dateRequired.measured");
        checks.pastDate("date", "growth.date", LocalDate.of(2026, 11, 24), "validation.dateRequired.measured");
        checks.pastDate("date", "growth.date", LocalDate.of(2026, 11, 23), "validation.dateRequired.measured");
        assertEquals(
                List.of("请填写测量日期。", "测量日期：不能晚于今天。"),
                checks.errors().stream().map(FieldError::message).toList());
    }
}
