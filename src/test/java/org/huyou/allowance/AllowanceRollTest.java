package org.huyou.allowance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.huyou.common.Gender;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month's roll from the real register: admissions, departures, the 18th birthday and category changes within the
 * month, a standard changing on its day, a child with no category flagged; the workbook read back.
 */
class AllowanceRollTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final String BINZHOU = "山东省滨州市";

    @TempDir
    Path dir;

    CareStaff home;
    AllowanceService allowance;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2015, 1, 1));
        allowance = home.ctx.allowance();
        home.as(Role.FINANCE_OFFICER);
    }

    @AfterEach
    void close() {
        home.close();
    }

    Resident admit(String name, LocalDate born, Category category, LocalDate admitted) {
        home.as(Role.DIRECTOR);
        Resident r = home.ctx
                .residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        name,
                        null,
                        Gender.FEMALE,
                        born,
                        false,
                        null,
                        null,
                        null,
                        category,
                        admitted,
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        home.as(Role.FINANCE_OFFICER);
        return r;
    }

    @Test
    void theRollProratesAdmissionsDeparturesAdulthoodAndCategoryChanges() {
        assertTrue(
                assertThrows(UserFacingException.class, () -> allowance.roll(OCTOBER))
                        .userMessage()
                        .contains("地区"),
                "no region chosen yet");
        allowance.setRegion(BINZHOU);
        Resident arrived =
                admit("李新来", LocalDate.of(2016, 5, 5), Category.OTHER_IN_DIFFICULTY, LocalDate.of(2026, 10, 20));
        allowance.changeCategory(
                arrived.id(), AllowanceCategory.INSTITUTION_ORPHAN, LocalDate.of(2026, 10, 26), "父母死亡证明已核实");
        Resident adopted = admit("赵收养", LocalDate.of(2020, 2, 2), Category.ABANDONED_INFANT, LocalDate.of(2020, 3, 1));
        home.as(Role.DIRECTOR);
        home.ctx.residents().recordStatus(adopted.id(), ResidentStatus.ADOPTED, LocalDate.of(2026, 10, 10), "收养登记");
        home.as(Role.FINANCE_OFFICER);
        admit("孙临护", LocalDate.of(2018, 8, 8), Category.TEMPORARY_GUARDIANSHIP, LocalDate.of(2026, 9, 1));
        admit("周成年", LocalDate.of(2008, 10, 16), Category.ORPHAN, LocalDate.of(2010, 1, 1));
        admit("吴下月", LocalDate.of(2019, 1, 1), Category.ORPHAN, LocalDate.of(2026, 11, 2));

        Roll roll = allowance.roll(OCTOBER);
        Map<String, Roll.Line> byName =
                roll.lines().stream().collect(Collectors.toMap(Roll.Line::name, Function.identity()));
        assertEquals(5, roll.people(), "admitted in November: not on October's roll");
        assertEquals(new BigDecimal("2675.00"), byName.get("王小明").amount(), "a whole month");
        Roll.Line a = byName.get("李新来");
        assertEquals(12, a.daysInCare());
        assertEquals(2, a.segments().size());
        // 6 days as a key child at 1777 and 6 as an orphan at 2675, over 31 days, each category to the fen
        assertEquals(new BigDecimal("343.94"), a.amounts().get(AllowanceCategory.KEY_CHILD_IN_DIFFICULTY));
        assertEquals(new BigDecimal("517.74"), a.amounts().get(AllowanceCategory.INSTITUTION_ORPHAN));
        assertEquals(new BigDecimal("861.68"), a.amount());
        assertEquals(10, byName.get("赵收养").daysInCare(), "adopted on the 10th: that day counts");
        assertEquals(new BigDecimal("862.90"), byName.get("赵收养").amount());
        assertEquals(15, byName.get("周成年").daysInCare(), "turns 18 on the 16th: not from that day");
        assertEquals(new BigDecimal("1294.35"), byName.get("周成年").amount());
        Roll.Line temp = byName.get("孙临护");
        assertEquals(0, temp.amount().signum());
        assertEquals(java.util.List.of(Roll.Problem.NO_CATEGORY), temp.problems(), "listed, not left out");

        BigDecimal sumOfLines = roll.lines().stream().map(Roll.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(sumOfLines, roll.total(), "totals per category add up to the lines");
        Roll.CategoryTotal orphans = roll.totals().stream()
                .filter(t -> t.category() == AllowanceCategory.INSTITUTION_ORPHAN)
                .findFirst()
                .orElseThrow();
        assertEquals(4, orphans.people());
        assertEquals(31 + 6 + 10 + 15, orphans.days());
        assertEquals(new BigDecimal("5349.99"), orphans.amount());
    }

    @Test
    void aNewStandardAppliesFromItsDayAndTheOldOneStaysForEarlierMonths() {
        allowance.setRegion(BINZHOU);
        assertThrows(
                PermissionDeniedException.class,
                () -> home.as(Role.CAREGIVER).ctx.allowance().roll(OCTOBER),
                "a caregiver does not see the roll");
        home.as(Role.DIRECTOR);
        assertThrows(
                ValidationException.class,
                () -> allowance.addStandard(
                        AllowanceCategory.INSTITUTION_ORPHAN,
                        BINZHOU,
                        LocalDate.of(2024, 1, 1),
                        new BigDecimal("2700"),
                        null),
                "same category, region and day");
        assertThrows(
                ValidationException.class,
                () -> allowance.addStandard(
                        AllowanceCategory.INSTITUTION_ORPHAN,
                        BINZHOU,
                        LocalDate.of(2026, 11, 16),
                        new BigDecimal("-1"),
                        null));
        StandardEntry raised = allowance.addStandard(
                AllowanceCategory.INSTITUTION_ORPHAN,
                BINZHOU,
                LocalDate.of(2026, 11, 16),
                new BigDecimal("2800"),
                "自然增长");
        // 15 days at 2675 and 15 at 2800 over 30
        assertEquals(
                new BigDecimal("2737.50"),
                allowance.roll(YearMonth.of(2026, 11)).total());
        assertEquals(new BigDecimal("2675.00"), allowance.roll(OCTOBER).total(), "October keeps its standard");
        allowance.voidStandard(raised.id(), "录入错误");
        assertEquals(
                new BigDecimal("2675.00"),
                allowance.roll(YearMonth.of(2026, 11)).total());
        assertTrue(
                allowance.standards(true).stream().anyMatch(s -> s.id() == raised.id() && s.voided()),
                "voided, not deleted");
        assertEquals(14, allowance.standards(false).size(), "the published examples are there");
        assertTrue(
                allowance.standards(false).stream()
                        .map(StandardEntry::source)
                        .allMatch(src -> src != null && src.contains("公布") && !src.matches(".*\\.(md|txt|sql|csv)$")),
                "a standard's source names who published it, never a developer's file");
    }

    @Test
    void theWorkbookHoldsTheLinesMaskedAndTheTotal() throws Exception {
        allowance.setRegion(BINZHOU);
        Path file = dir.resolve("roll.xlsx");
        allowance.exportRoll(OCTOBER, file, "测试福利院");
        String total = null;
        boolean nameFound = false;
        try (InputStream in = Files.newInputStream(file);
                ReadableWorkbook wb = new ReadableWorkbook(in);
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            for (Row r : (Iterable<Row>) rows::iterator) {
                if ("王小明".equals(r.getCellText(1))) {
                    nameFound = true;
                }
                if (r.getCellCount() > 5 && "合计".equals(r.getCellText(4))) {
                    total = r.getCellAsNumber(5).orElseThrow().toPlainString();
                }
            }
        }
        assertTrue(nameFound);
        assertEquals(0, new BigDecimal("2675").compareTo(new BigDecimal(total)));
        home.as(Role.DIRECTOR);
        assertTrue(
                home.ctx.audit().browse(org.huyou.security.AuditFilter.all(), 50).stream()
                        .anyMatch(e -> "allowance_roll".equals(e.entity())),
                "the export is audited");
    }
}
