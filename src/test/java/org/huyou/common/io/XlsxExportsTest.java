package org.huyou.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huyou.app.AppContext;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.io.ImportPreview;
import org.huyou.residents.io.ResidentImportTest;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks the app writes, read back with a second spreadsheet library (Apache POI): dates are date cells,
 * numbers are number cells, each sheet states its real dimension, the styles have the default "Normal" style; and the
 * residents workbook imports back into the same register.
 */
class XlsxExportsTest {

    @TempDir
    Path dir;

    @Test
    void theResidentsWorkbookHasDateAndNumberCellsAndImportsBackToTheSameRegister() throws Exception {
        Path xlsx = dir.resolve("residents.xlsx");
        List<String> before;
        try (AppContext ctx = TestHome.open(dir.resolve("data"))) {
            Path csv = dir.resolve("in.csv");
            Files.writeString(
                    csv,
                    String.join(
                            "\r\n", ResidentImportTest.HEADER, ResidentImportTest.GOOD_1, ResidentImportTest.GOOD_2),
                    StandardCharsets.UTF_8);
            ctx.residentImporter().commit(ctx.residentImporter().preview(csv));
            assertEquals(2, ctx.residentExporter().export(xlsx, true));
            before = register(ctx);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Row zhang = s.getRow(1).getCell(1).getStringCellValue().equals("张小红") ? s.getRow(1) : s.getRow(2);
            Cell birth = zhang.getCell(header.indexOf("出生日期"));
            assertEquals(CellType.NUMERIC, birth.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(birth), "a date cell, formatted as a date");
            assertEquals(
                    LocalDate.of(2015, 3, 7), birth.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy-mm-dd", birth.getCellStyle().getDataFormatString());
            Cell admitted = zhang.getCell(header.indexOf("入院日期"));
            assertTrue(DateUtil.isCellDateFormatted(admitted));
            assertEquals(
                    LocalDate.of(2016, 5, 20),
                    admitted.getLocalDateTimeCellValue().toLocalDate());
            Cell grade = zhang.getCell(header.indexOf("残疾等级"));
            assertEquals(CellType.NUMERIC, grade.getCellType());
            assertEquals(3.0, grade.getNumericCellValue());
            Cell id = zhang.getCell(header.indexOf("身份证号"));
            assertEquals(CellType.STRING, id.getCellType(), "ID numbers stay text: all 18 digits");
            assertEquals("110105201503070021", id.getStringCellValue());
            assertEquals("A1:" + (char) ('A' + header.size() - 1) + "3", dimension(xlsx, 1));
        }
        assertHasDefaultStyle(xlsx);

        try (AppContext other = TestHome.open(dir.resolve("other"))) {
            ImportPreview p = other.residentImporter().preview(xlsx);
            assertTrue(p.valid(), p.problems().toString());
            assertEquals(2, other.residentImporter().commit(p));
            assertEquals(before, register(other), "the round trip reproduces the register");
        }
    }

    @Test
    void theRollAndTheFiguresWriteNumberCellsWithTheirRealDimension() throws Exception {
        try (CareStaff home =
                new CareStaff(dir.resolve("home"), LocalDate.of(2026, 11, 23), LocalDate.of(2015, 3, 7))) {
            home.as(Role.DIRECTOR);
            home.ctx.allowance().setRegion("山东省滨州市");
            home.ctx
                    .allowance()
                    .addStandard(
                            org.huyou.allowance.AllowanceCategory.INSTITUTION_ORPHAN,
                            "山东省滨州市",
                            LocalDate.of(2026, 1, 1),
                            new java.math.BigDecimal("1800.00"),
                            "鲁民〔2026〕1号");
            Path roll = dir.resolve("roll.xlsx");
            home.ctx.allowance().exportRoll(YearMonth.of(2026, 10), roll, "测试儿童福利院");
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(roll))) {
                Row line = wb.getSheetAt(0).getRow(4);
                assertEquals(CellType.NUMERIC, line.getCell(3).getCellType(), "days in care");
                assertEquals(31.0, line.getCell(3).getNumericCellValue());
                assertEquals(CellType.NUMERIC, line.getCell(5).getCellType(), "the amount");
                assertEquals("#,##0.00", line.getCell(5).getCellStyle().getDataFormatString());
                assertEquals(1800.0, line.getCell(5).getNumericCellValue());
                assertEquals(lastCell(wb.getSheetAt(0)), dimension(roll, 1));
                assertEquals(lastCell(wb.getSheetAt(1)), dimension(roll, 2));
            }
            assertHasDefaultStyle(roll);

            Path figures = dir.resolve("figures.xlsx");
            home.ctx.statistics().exportFigures(home.ctx.statistics().dashboard(2026), figures);
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(figures))) {
                Sheet first = wb.getSheetAt(0);
                assertEquals(CellType.NUMERIC, first.getRow(4).getCell(1).getCellType(), "a count is a number");
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    assertEquals(lastCell(wb.getSheetAt(i)), dimension(figures, i + 1));
                }
            }
            assertHasDefaultStyle(figures);
        }
    }

    @Test
    void columnLettersGoPastZ() {
        assertEquals("A", XlsxWriter.column(0));
        assertEquals("Z", XlsxWriter.column(25));
        assertEquals("AA", XlsxWriter.column(26));
        assertEquals("BA", XlsxWriter.column(52));
    }

    /** What the register says of each resident, in record order (the import numbers them afresh). */
    private static List<String> register(AppContext ctx) {
        return ctx.residents().search(ResidentFilter.all(), 100).stream()
                .map(s -> ctx.residents().get(s.id()))
                .map(XlsxExportsTest::facts)
                .sorted()
                .toList();
    }

    private static String facts(Resident r) {
        return String.join(
                "|",
                r.name(),
                String.valueOf(r.gender()),
                String.valueOf(r.birthDate()),
                String.valueOf(r.birthDateEstimated()),
                String.valueOf(r.ethnicity()),
                r.idNumber(),
                String.valueOf(r.householdRegistration()),
                String.valueOf(r.category()),
                String.valueOf(r.admissionDate()),
                String.valueOf(r.admissionSource()),
                String.valueOf(r.admissionFrom()),
                String.valueOf(r.disabilityType()),
                String.valueOf(r.disabilityGrade()),
                String.valueOf(r.guardianship()));
    }

    /** The last used cell of a sheet as POI finds it, as a dimension ("A1:G12"). */
    private static String lastCell(Sheet s) {
        int lastColumn = 0;
        for (Row r : s) {
            lastColumn = Math.max(lastColumn, r.getLastCellNum() - 1);
        }
        return "A1:" + XlsxWriter.column(lastColumn) + (s.getLastRowNum() + 1);
    }

    private static String dimension(Path xlsx, int sheet) throws Exception {
        Matcher m = Pattern.compile("<dimension ref=\"([A-Z0-9:]+)\"/>")
                .matcher(entry(xlsx, "xl/worksheets/sheet" + sheet + ".xml"));
        assertTrue(m.find(), "the sheet states its dimension");
        return m.group(1);
    }

    private static void assertHasDefaultStyle(Path xlsx) throws Exception {
        assertTrue(
                entry(xlsx, "xl/styles.xml").contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"),
                "the default cell style spreadsheet programs expect");
    }

    private static String entry(Path xlsx, String name) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in " + xlsx);
    }
}
