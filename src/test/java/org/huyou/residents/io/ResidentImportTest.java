package org.huyou.residents.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.ImportProblem;
import org.huyou.residents.Resident;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ResidentImportTest {

    public static final String HEADER =
            "档案号,姓名,曾用名,性别,出生日期,出生日期为估计,民族,身份证号,户籍地,儿童类别,入院日期," + "入院来源,送养单位/转出机构,残疾类型,残疾等级,监护情况,监护说明,生活组,备注";
    public static final String GOOD_1 =
            ",张小红,,女,2015-03-07,否,汉族,110105201503070021,北京市朝阳区,孤儿,2016-05-20," + "民政部门安置,,肢体残疾,3,民政部门长期监护,,彩虹组,";
    public static final String GOOD_2 =
            ",李小明,,男,2015/3/7,是,回族,110105201503070013,,弃婴,20160601,公安机关送养," + "滨城区公安局,无残疾,,民政部门长期监护,,新星组,";
    public static final String BAD_ID =
            ",王乐,,男,2016-04-08,否,汉族,110105201604080027,,孤儿,2017-01-01,民政部门安置,," + "无残疾,,民政部门长期监护,,彩虹组,";

    @TempDir
    Path dir;

    AppContext ctx;
    ResidentImporter importer;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir.resolve("data"));
        importer = ctx.residentImporter();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Path csv(String... lines) throws Exception {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, String.join("\r\n", lines), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void validFileImportsEveryRowAndCreatesNamedLivingGroups() throws Exception {
        ImportPreview p = importer.preview(csv(HEADER, GOOD_1, GOOD_2));
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertEquals(2, importer.commit(p));
        assertEquals(2, ctx.residents().countAll());
        assertEquals(
                List.of("彩虹组", "新星组"),
                ctx.residents().livingGroups().stream().map(g -> g.name()).toList());
        Resident li = ctx.residents()
                .get(ctx.residents()
                        .search(org.huyou.residents.ResidentFilter.query("lxm"), 5)
                        .get(0)
                        .id());
        assertTrue(li.birthDateEstimated());
        assertEquals("03", li.ethnicity());
        assertEquals("滨城区公安局", li.admissionFrom());
    }

    @Test
    void oneBadRowIsReportedByRowAndColumnAndNothingIsImported() throws Exception {
        ImportPreview p = importer.preview(csv(HEADER, GOOD_1, BAD_ID, GOOD_2));
        assertFalse(p.valid());
        assertEquals(1, p.problems().size(), p.problems().toString());
        ImportProblem problem = p.problems().get(0);
        assertEquals(3, problem.row());
        assertEquals("身份证号", problem.column());
        assertTrue(problem.message().contains("校验位"), problem.message());
        assertThrows(UserFacingException.class, () -> importer.commit(p));
        assertEquals(0, ctx.residents().countAll());
    }

    @Test
    void reportsEveryKindOfProblem() throws Exception {
        String row = "X1,,,男女,2015-02-30,也许,火星族,,,孤儿,2014-01-01,飞来,,无残疾,2,民政部门长期监护,,,";
        ImportPreview p = importer.preview(csv(HEADER, row, GOOD_1, GOOD_1.replace(",张小红,", ",张小绿,")));
        List<String> columns = p.problems().stream().map(ImportProblem::column).toList();
        assertTrue(
                columns.containsAll(List.of("姓名", "性别", "出生日期", "出生日期为估计", "民族", "入院来源", "残疾等级")), columns.toString());
        assertTrue(
                p.problems().stream().anyMatch(x -> x.row() == 4 && x.message().contains("第 3 行")),
                "a duplicate ID number inside the file names the first row: " + p.problems());
    }

    @Test
    void rowsThatClashWithTheDatabaseAreRefused() throws Exception {
        importer.commit(importer.preview(csv(HEADER, GOOD_1)));
        ImportPreview again = importer.preview(csv(HEADER, GOOD_1));
        assertEquals(1, again.problems().size());
        assertTrue(
                again.problems().get(0).message().contains("2016-0001"),
                again.problems().toString());
    }

    @Test
    void missingRequiredColumnsAndUnknownHeadersAreReported() throws Exception {
        ImportPreview p = importer.preview(csv("姓名,鞋码", "张三,42"));
        List<String> columns = p.problems().stream().map(ImportProblem::column).toList();
        assertTrue(columns.contains("鞋码"));
        assertTrue(columns.contains("性别"));
        assertTrue(p.rows().isEmpty());
    }

    @Test
    void readsExcelsGb18030Csv() throws Exception {
        Path f = dir.resolve("gbk.csv");
        Files.write(f, String.join("\r\n", HEADER, GOOD_1).getBytes(Charset.forName("GB18030")));
        ImportPreview p = importer.preview(f);
        assertTrue(p.valid(), p.problems().toString());
    }

    @Test
    void englishHeadersAndLabelsAreAcceptedToo() throws Exception {
        String header = "Name,Gender,Birth date,Category,Admission date,Admission source,Guardianship";
        ImportPreview p = importer.preview(csv(
                header,
                "Anna,Female,2016-01-01,Orphan,2017-01-01," + "Placed by civil affairs,\"Civil affairs, long-term\""));
        assertTrue(p.valid(), p.problems().toString());
    }

    @Test
    void shippedTemplatesParseWithoutProblems() {
        for (String name : List.of("residents-template.csv", "residents-template.xlsx")) {
            ImportPreview p = importer.preview(Path.of("resources/templates", name));
            assertTrue(p.valid(), name + ": " + p.problems());
            assertEquals(1, p.rows().size(), name);
            assertEquals("110105201503070021", p.rows().get(0).resident().idNumber(), name);
        }
    }

    @Test
    void exportWritesTheTemplateFormatThatImportsBack() throws Exception {
        importer.commit(importer.preview(csv(HEADER, GOOD_1, GOOD_2)));
        Path masked = dir.resolve("out.csv");
        assertEquals(2, ctx.residentExporter().export(masked, false));
        String text = Files.readString(masked);
        assertTrue(text.contains("110105************"), "IDs masked by default");
        assertFalse(text.contains("110105201503070021"));

        Path xlsx = dir.resolve("out.xlsx");
        assertEquals(2, ctx.residentExporter().export(xlsx, true));
        try (AppContext other = TestHome.open(dir.resolve("other"))) {
            ImportPreview p = other.residentImporter().preview(xlsx);
            assertTrue(p.valid(), p.problems().toString());
            assertEquals(2, other.residentImporter().commit(p));
            assertEquals(
                    1,
                    other.residents().count(org.huyou.residents.ResidentFilter.query("110105201503070021")),
                    "full IDs on request");
        }
    }

    // ---- workbooks made as Excel makes them (Apache POI writes them: shared strings, styles, typed cells) ----------

    /** Row values: a String is a shared-string cell, a LocalDate a date cell in the given format, a Number a number. */
    private Path workbook(String name, String dateFormat, List<String> header, List<List<Object>> rows)
            throws Exception {
        Path f = dir.resolve(name);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = wb.createSheet("儿童名册");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat(dateFormat));
            var h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    Object v = rows.get(r).get(i);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    if (v instanceof java.time.LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            try (var out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        return f;
    }

    private static final List<String> SHORT_HEADER =
            List.of("姓名", "性别", "出生日期", "身份证号", "儿童类别", "入院日期", "入院来源", "监护情况", "残疾等级", "残疾类型");

    private static List<Object> child(String name, Object birth, Object id, Object admitted, Object grade) {
        java.util.ArrayList<Object> row = new java.util.ArrayList<>(List.of(name, "女"));
        row.add(birth);
        row.add(id);
        row.addAll(List.of("孤儿"));
        row.add(admitted);
        row.addAll(List.of("民政部门安置", "民政部门长期监护"));
        row.add(grade);
        row.add(grade == null ? "无残疾" : "肢体残疾");
        return row;
    }

    @Test
    void excelDateCellsInBuiltInAndCustomFormatsAreDates() throws Exception {
        var birth = java.time.LocalDate.of(2015, 3, 7);
        var admitted = java.time.LocalDate.of(2016, 5, 20);
        // 14 is Excel's built-in short date (m/d/yy), which a workbook names by id alone.
        for (String format : List.of(
                "m/d/yy",
                "yyyy\"年\"m\"月\"d\"日\"",
                "yyyy/m/d;@",
                "[$-804]yyyy-mm-dd",
                "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"")) {
            Path f = workbook(
                    "dates.xlsx",
                    format,
                    SHORT_HEADER,
                    List.of(child("张小红", birth, "110105201503070021", admitted, 3)));
            ImportPreview p = importer.preview(f);
            assertTrue(p.valid(), format + ": " + p.problems());
            Resident r = p.rows().get(0).resident();
            assertEquals(birth, r.birthDate(), format);
            assertEquals(admitted, r.admissionDate(), format);
            assertEquals(3, r.disabilityGrade(), "a number cell 3 reads as 3, not 3.0");
        }
    }

    @Test
    void anIdNumberStoredAsANumberIsRefusedSayingHowToFixIt() throws Exception {
        Path f = workbook(
                "ids.xlsx",
                "yyyy-mm-dd",
                SHORT_HEADER,
                List.of(
                        child(
                                "张小红",
                                java.time.LocalDate.of(2015, 3, 7),
                                "110105201503070021",
                                java.time.LocalDate.of(2016, 5, 20),
                                null),
                        child(
                                "李小花",
                                java.time.LocalDate.of(2015, 3, 7),
                                110105201503070043d,
                                java.time.LocalDate.of(2016, 5, 20),
                                null)));
        ImportPreview p = importer.preview(f);
        assertEquals(1, p.problems().size(), p.problems().toString());
        ImportProblem problem = p.problems().get(0);
        assertEquals(3, problem.row());
        assertEquals("身份证号", problem.column());
        assertTrue(problem.message().contains("数字") && problem.message().contains("文本"), problem.message());
        assertThrows(UserFacingException.class, () -> importer.commit(p));
        assertEquals(0, ctx.residents().countAll(), "a refused file leaves nothing behind");
    }

    @Test
    void theTemplatesIdColumnIsFormattedAsText() throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(Path.of("resources/templates/residents-template.xlsx")))) {
            var sheet = wb.getSheetAt(0);
            int idColumn = -1;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().startsWith("身份证号")) {
                    idColumn = cell.getColumnIndex();
                }
            }
            assertEquals("@", sheet.getColumnStyle(idColumn).getDataFormatString(), "new rows of the column are text");
            assertEquals("@", sheet.getRow(1).getCell(idColumn).getCellStyle().getDataFormatString());
        }
    }

    @Test
    void aMaskedIdNumberIsRefusedByTheCheckWithRowAndColumn() throws Exception {
        int auditBefore = ctx.audit().count(org.huyou.security.AuditFilter.all());
        ImportPreview p =
                importer.preview(csv(HEADER, GOOD_2, GOOD_1.replace("110105201503070021", "110105************")));
        assertFalse(p.valid());
        assertEquals(1, p.problems().size(), p.problems().toString());
        assertEquals(3, p.problems().get(0).row());
        assertEquals("身份证号", p.problems().get(0).column());
        assertTrue(
                p.problems().get(0).message().contains("打码"),
                p.problems().get(0).message());
        assertThrows(UserFacingException.class, () -> importer.commit(p));
        assertEquals(0, ctx.residents().countAll());
        assertEquals(
                auditBefore,
                ctx.audit().count(org.huyou.security.AuditFilter.all()),
                "nothing written, not even the import's audit row");
    }

    @Test
    void headersAreGuessedAndTheUserMapsTheRest() throws Exception {
        String header = "儿童姓名,性别,出生年月,公民身份号码,类别,入院时间,入院来源,监护情况,联系电话";
        String row = "张小红,女,2015-03-07,110105201503070021,孤儿,2016-05-20,民政部门安置,民政部门长期监护,13800000000";
        Path f = csv(header, row);
        assertEquals(
                java.util.Arrays.asList(
                        "name",
                        "gender",
                        "birthDate",
                        "idNumber",
                        "category",
                        "admissionDate",
                        "admissionSource",
                        "guardianship",
                        null),
                importer.columns(f).stream()
                        .map(org.huyou.common.io.SheetImport.FileColumn::field)
                        .toList());

        ImportPreview unmapped = importer.preview(f);
        assertEquals(1, unmapped.problems().size(), unmapped.problems().toString());
        assertEquals("联系电话", unmapped.problems().get(0).column(), "a column nobody placed is not dropped silently");

        ImportPreview mapped = importer.preview(f, importer.parseMapping("联系电话=ignore,出生年月=birthDate"));
        assertTrue(mapped.valid(), mapped.problems().toString());
        assertEquals(1, importer.commit(mapped));
        assertEquals(
                java.time.LocalDate.of(2015, 3, 7),
                ctx.residents()
                        .get(ctx.residents()
                                .search(org.huyou.residents.ResidentFilter.query("zxh"), 5)
                                .get(0)
                                .id())
                        .birthDate());

        assertThrows(UserFacingException.class, () -> importer.parseMapping("联系电话=shoeSize"));
        assertThrows(UserFacingException.class, () -> importer.parseMapping("联系电话"));
        var twice = importer.preview(f, java.util.Map.of("联系电话", "name"));
        assertTrue(
                twice.problems().stream().anyMatch(x -> x.message().contains("儿童姓名")),
                twice.problems().toString());
    }

    @Test
    void csvInUtf8WithAndWithoutBomAndInGb18030() throws Exception {
        String text = String.join("\r\n", HEADER, GOOD_1);
        List<byte[]> files = List.of(
                text.getBytes(StandardCharsets.UTF_8),
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
                text.getBytes(Charset.forName("GB18030")));
        for (byte[] bytes : files) {
            Path f = dir.resolve("enc.csv");
            Files.write(f, bytes);
            ImportPreview p = importer.preview(f);
            assertTrue(p.valid(), p.problems().toString());
            assertEquals("张小红", p.rows().get(0).resident().name());
            assertEquals("彩虹组", p.rows().get(0).livingGroupName());
        }
    }

    @Test
    void aBatchImportIsAuditedRowByRowAndNumbersRecordsAfterTheHighest() throws Exception {
        importer.commit(importer.preview(csv(HEADER, GOOD_1)));
        ImportPreview p =
                importer.preview(csv(HEADER, GOOD_2, BAD_ID.replace("110105201604080027", "110105201604080018")));
        assertTrue(p.valid(), p.problems().toString());
        assertEquals(2, importer.commit(p));
        List<String> recordNos = ctx.residents().search(org.huyou.residents.ResidentFilter.query("2016"), 10).stream()
                .map(r -> r.recordNo())
                .sorted()
                .toList();
        assertTrue(recordNos.containsAll(List.of("2016-0001", "2016-0002")), recordNos.toString());
        assertTrue(ctx.audit().verifyChain().ok(), "the batch keeps the audit chain whole");
        long creates = ctx.audit()
                .browse(new org.huyou.security.AuditFilter(null, "CREATE", "resident", null, null, null), 10_000)
                .size();
        assertEquals(3, creates);
        // The batch's rows read as the audit screen shows them: a sentence, never the stored parameters.
        for (org.huyou.security.AuditEntry e : ctx.audit().browse(org.huyou.security.AuditFilter.all(), 10_000)) {
            if (e.entity() != null && e.entity().equals("resident")) {
                assertNotNull(e.summaryKey(), "summary key kept by the batch: " + e);
                String shown = org.huyou.security.AuditLabels.summary(e);
                assertFalse(shown.startsWith("["), shown);
            }
        }
        Resident wang = ctx.residents()
                .get(ctx.residents()
                        .search(org.huyou.residents.ResidentFilter.query("wl"), 5)
                        .get(0)
                        .id());
        assertEquals("2017-0001", wang.recordNo());
        assertEquals(1, ctx.residents().statusHistory(wang.id()).size());
        assertEquals(1, ctx.residents().groupHistory(wang.id()).size());
    }
}
