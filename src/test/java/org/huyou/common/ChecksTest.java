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

    @Test
    void aTakenValueIsRefusedAsTakenAndARepeatedRowAsARepeatNamingTheEarlierRow() {
        Checks checks = new Checks(LocalDate.of(2026, 12, 1));
        checks.notTaken("idNumber", "volunteer.idNumberTaken", false);
        assertTrue(checks.errors().isEmpty(), "a value nobody holds passes");
        checks.notTaken("idNumber", "volunteer.idNumberTaken", true);
        checks.unique("phone", 2, true, "volunteerImport.namePhoneTaken", "王芳", "13800001111");
        checks.unique("name", null, true, "donorImport.taken", "王芳");
        checks.unique("fund", null, false, "opening.exists", "助学基金", null);
        assertEquals(
                List.of(
                        "idNumber volunteer.idNumberTaken []",
                        "phone import.duplicateOfEntry [3]",
                        "name donorImport.taken [王芳]"),
                checks.errors().stream()
                        .map(e -> e.field() + " " + e.messageKey() + " " + java.util.Arrays.toString(e.args()))
                        .toList(),
                "a repeat names the earlier row from 1 and is not called taken too");
        java.util.Map<Integer, List<FieldError>> problems = new java.util.TreeMap<>();
        checks.addTo(problems, 4);
        new Checks(LocalDate.of(2026, 12, 1)).addTo(problems, 5);
        assertEquals(java.util.Set.of(4), problems.keySet(), "a row with nothing wrong is not listed");
        assertEquals(3, problems.get(4).size());
    }
}
