package org.huyou.volunteers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.ImportProblem;
import org.huyou.security.AuditFilter;
import org.huyou.testing.TestHome;
import org.huyou.volunteers.BackgroundCheck;
import org.huyou.volunteers.Volunteer;
import org.huyou.volunteers.VolunteerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home's volunteer list as Excel and a Chinese Windows CSV give it, into a real home. */
public class VolunteerImportTest {

    public static final String HEADER =
            "姓名,联系电话,身份证号,所在单位或团队,专长,资格证书,可服务时间,背景审查日期," + "背景审查结果,审查有效期至,查询凭证号,培训课程,培训日期,培训学时";
    public static final String GOOD_1 = "李志远,13800001111,110105199003070017,滨州学院青年志愿者协会,特殊教育、康复,"
            + "教师资格证,周六上午,2026-03-01,无犯罪记录,2027-03-01,BZ2026-0301,儿童保护基础,2026-03-15,4";
    public static final String GOOD_2 = "王芳,139-0000-2222,,爱心车队,,,,,,,,,,";

    @TempDir
    Path dir;

    AppContext ctx;
    VolunteerImporter importer;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir.resolve("data"));
        TestHome.loginAs(ctx, "sw", org.huyou.security.Role.SOCIAL_WORKER); // the volunteer coordinator
        importer = ctx.volunteerImporter();
    }

    @AfterEach
    void close() {
        Messages.use(Messages.CHINESE);
        ctx.close();
    }

    private Path csv(String... lines) throws Exception {
        Path f = dir.resolve("volunteers.csv");
        Files.writeString(f, String.join("\r\n", lines), StandardCharsets.UTF_8);
        return f;
    }

    /** Made as Excel makes it: date cells (a built-in and a custom Chinese format), numbers, shared strings. */
    private Path xlsx() throws Exception {
        Path f = dir.resolve("志愿者名单.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(f)) {
            XSSFSheet sheet = wb.createSheet("名单");
            CellStyle builtIn = wb.createCellStyle();
            builtIn.setDataFormat((short) 14); // m/d/yy, as Excel stores a date typed as 2026/3/1
            CellStyle custom = wb.createCellStyle();
            custom.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            String[] header = HEADER.split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("李志远");
            r.createCell(1).setCellValue(13800001111d); // a phone typed into a General cell is a number
            r.createCell(2).setCellValue("110105199003070017");
            r.createCell(3).setCellValue("滨州学院青年志愿者协会");
            r.createCell(4).setCellValue("Special education, 康复");
            r.createCell(7).setCellValue(LocalDate.of(2026, 3, 1));
            r.getCell(7).setCellStyle(builtIn);
            r.createCell(8).setCellValue("无犯罪记录");
            r.createCell(9).setCellValue(LocalDate.of(2027, 3, 1));
            r.getCell(9).setCellStyle(custom);
            r.createCell(11).setCellValue("儿童保护基础");
            r.createCell(12).setCellValue(LocalDate.of(2026, 3, 15));
            r.getCell(12).setCellStyle(custom);
            r.createCell(13).setCellValue(4.5);
            Row r2 = sheet.createRow(2);
            r2.createCell(0).setCellValue("王芳");
            r2.createCell(1).setCellValue("139-0000-2222");
            r2.createCell(3).setCellValue("爱心车队");
            wb.write(out);
        }
        return f;
    }

    @Test
    void anExcelListImportsEachVolunteerWithTheirCheckAndTrainingAuditedAsOneBatch() throws Exception {
        VolunteerImportPreview p = importer.preview(xlsx(), Map.of());
        assertTrue(p.valid(), p.problems().toString());
        assertEquals(2, importer.commit(p));
        List<VolunteerService.Listed> listed = ctx.volunteers().list(null, 10);
        assertEquals(
                List.of("李志远", "王芳"),
                listed.stream().map(l -> l.volunteer().name()).sorted().toList());
        VolunteerService.Listed li = listed.stream()
                .filter(l -> l.volunteer().name().equals("李志远"))
                .findFirst()
                .orElseThrow();
        assertEquals("13800001111", li.volunteer().phone());
        assertEquals(
                Set.of(Volunteer.Specialty.SPECIAL_EDUCATION, Volunteer.Specialty.REHABILITATION),
                li.volunteer().specialties());
        BackgroundCheck check = li.latestCheck();
        assertEquals(LocalDate.of(2026, 3, 1), check.checkedOn());
        assertEquals(LocalDate.of(2027, 3, 1), check.validUntil());
        assertTrue(check.clearOn(TestHome.TODAY));
        var training = ctx.volunteers().trainings(li.volunteer().id()).get(0);
        assertEquals(LocalDate.of(2026, 3, 15), training.trainedOn());
        assertEquals(0, new BigDecimal("4.5").compareTo(training.hours()));
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray()); // who reads the audit log
        assertEquals(
                1,
                ctx.audit()
                        .browse(new AuditFilter(null, "IMPORT", "volunteer", null, null, null), 10)
                        .size(),
                "one batch row beside the volunteers' own");
    }

    @Test
    void checksAndTrainingsImportedAreAuditedOneByOneLikeTheOnesRecordedByHand() throws Exception {
        assertEquals(1, importer.commit(importer.preview(csv(HEADER, GOOD_1), Map.of())));
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        assertEquals(
                1,
                ctx.audit()
                        .browse(new AuditFilter(null, "CREATE", "background_check", null, null, null), 10)
                        .size());
        assertEquals(
                1,
                ctx.audit()
                        .browse(new AuditFilter(null, "CREATE", "volunteer_training", null, null, null), 10)
                        .size());
    }

    @Test
    void aListWithChecksOrTrainingsNeedsTheRightToRecordThemTheFrontDeskImportsOnlyVolunteers() throws Exception {
        Path f = csv(HEADER, GOOD_1, GOOD_2);
        VolunteerImportPreview coordinators = importer.preview(f, Map.of());
        assertTrue(coordinators.valid(), coordinators.problems().toString());
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        TestHome.loginAs(ctx, "desk", org.huyou.security.Role.FRONT_DESK); // VOLUNTEERS CREATE, not EDIT
        VolunteerImportPreview p = importer.preview(f, Map.of());
        assertFalse(p.valid());
        assertProblem(p, 2, "背景审查结果", "权限");
        assertProblem(p, 2, "培训课程", "权限");
        UserFacingException refused = assertThrows(
                UserFacingException.class, () -> ctx.volunteers().importAll(coordinators.rows(), "volunteers.csv"));
        assertEquals("volunteerImport.needsEdit", refused.messageKey());
        assertThrows(UserFacingException.class, () -> importer.commit(coordinators));
        assertTrue(ctx.volunteers().list(null, 10).isEmpty(), "nothing written, not even the volunteers");

        assertEquals(
                1,
                importer.commit(importer.preview(csv(HEADER, GOOD_2), Map.of())),
                "a list of volunteers alone is the front desk's to import");
    }

    @Test
    void theShippedTemplatesImport() {
        for (String name : List.of("volunteers-template.csv", "volunteers-template.xlsx")) {
            VolunteerImportPreview p = importer.preview(Path.of("resources/templates", name), Map.of());
            assertTrue(p.valid(), name + ": " + p.problems());
        }
    }

    @Test
    void badDatesUnknownResultsAndDuplicatesAreReportedByRowAndColumnAndNothingIsWritten() throws Exception {
        ctx.volunteers().register(new Volunteer(0, "王芳", null, "13900002222", null, Set.of(), null, null, 0));
        String badDate = GOOD_1.replace("2026-03-01,无犯罪记录", "2026-02-30,无犯罪记录");
        String unknownResult = "赵敏,13700003333,,,,,,2026-01-05,大概没问题,,,,,";
        String sameId = "钱多,13600004444,110105199003070017,,,,,,,,,,,";
        Path f = csv(HEADER, badDate, GOOD_2, unknownResult, sameId);
        VolunteerImportPreview p = importer.preview(f, Map.of());
        assertFalse(p.valid());
        assertProblem(p, 2, "背景审查日期", "2026-02-30");
        assertProblem(p, 3, "联系电话", "已登记过姓名为 王芳");
        assertProblem(p, 4, "背景审查结果", "大概没问题");
        assertProblem(p, 5, "身份证号", "与第 2 行重复");
        assertThrows(UserFacingException.class, () -> importer.commit(p));
        assertEquals(1, ctx.volunteers().list(null, 10).size(), "nothing half-written");

        Messages.use(Messages.ENGLISH);
        VolunteerImportPreview en = importer.preview(f, Map.of());
        assertProblem(en, 2, "背景审查日期", "2026-02-30"); // the file's own header names the column
        assertProblem(en, 3, "联系电话", "A volunteer named 王芳 with phone 139-0000-2222 is registered already");
        assertProblem(en, 5, "身份证号", "Same as row 2");
        Path english = csv(
                "Name,Phone,ID number,Background check date,Background check result",
                "Anna Li,13800005555,,2026-13-01,Clear");
        assertProblem(importer.preview(english, Map.of()), 2, "Background check date", "2026-13-01");
    }

    @Test
    void aPartialCheckIsRefusedWhereItIsIncomplete() throws Exception {
        VolunteerImportPreview p = importer.preview(csv(HEADER, "孙丽,13500006666,,,,,,2026-01-05,无犯罪记录,,,,,"), Map.of());
        assertProblem(p, 2, "审查有效期至", "有效");
    }

    private static void assertProblem(VolunteerImportPreview p, int row, String column, String text) {
        assertTrue(
                p.problems().stream()
                        .anyMatch(x -> x.row() == row
                                && x.column().equals(column)
                                && x.message().contains(text)),
                "row " + row + " " + column + " \"" + text + "\" in "
                        + p.problems().stream().map(ImportProblem::toString).toList());
    }
}
