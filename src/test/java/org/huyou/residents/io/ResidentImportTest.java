package org.huyou.residents.io;

import org.huyou.common.io.ImportProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.UserFacingException;
import org.huyou.residents.Resident;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ResidentImportTest {

    public static final String HEADER = "档案号,姓名,曾用名,性别,出生日期,出生日期为估计,民族,身份证号,户籍地,儿童类别,入院日期,"
            + "入院来源,送养单位/转出机构,残疾类型,残疾等级,监护情况,监护说明,生活组,备注";
    public static final String GOOD_1 = ",张小红,,女,2015-03-07,否,汉族,110105201503070021,北京市朝阳区,孤儿,2016-05-20,"
            + "民政部门安置,,肢体残疾,3,民政部门长期监护,,彩虹组,";
    public static final String GOOD_2 = ",李小明,,男,2015/3/7,是,回族,110105201503070013,,弃婴,20160601,公安机关送养,"
            + "滨城区公安局,无残疾,,民政部门长期监护,,新星组,";
    public static final String BAD_ID = ",王乐,,男,2016-04-08,否,汉族,110105201604080027,,孤儿,2017-01-01,民政部门安置,,"
            + "无残疾,,民政部门长期监护,,彩虹组,";

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
        assertEquals(List.of("彩虹组", "新星组"),
                ctx.residents().livingGroups().stream().map(g -> g.name()).toList());
        Resident li = ctx.residents().get(ctx.residents()
                .search(org.huyou.residents.ResidentFilter.query("lxm"), 5).get(0).id());
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
        assertTrue(columns.containsAll(List.of("姓名", "性别", "出生日期", "出生日期为估计", "民族", "入院来源", "残疾等级")),
                columns.toString());
        assertTrue(p.problems().stream().anyMatch(x -> x.row() == 4 && x.message().contains("第 3 行")),
                "a duplicate ID number inside the file names the first row: " + p.problems());
    }

    @Test
    void rowsThatClashWithTheDatabaseAreRefused() throws Exception {
        importer.commit(importer.preview(csv(HEADER, GOOD_1)));
        ImportPreview again = importer.preview(csv(HEADER, GOOD_1));
        assertEquals(1, again.problems().size());
        assertTrue(again.problems().get(0).message().contains("2016-0001"), again.problems().toString());
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
        ImportPreview p = importer.preview(csv(header, "Anna,Female,2016-01-01,Orphan,2017-01-01,"
                + "Placed by civil affairs,\"Civil affairs, long-term\""));
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
        assertTrue(text.contains("110105********0021"), "IDs masked by default");
        assertFalse(text.contains("110105201503070021"));

        Path xlsx = dir.resolve("out.xlsx");
        assertEquals(2, ctx.residentExporter().export(xlsx, true));
        try (AppContext other = TestHome.open(dir.resolve("other"))) {
            ImportPreview p = other.residentImporter().preview(xlsx);
            assertTrue(p.valid(), p.problems().toString());
            assertEquals(2, other.residentImporter().commit(p));
            assertEquals(1, other.residents().count(
                    org.huyou.residents.ResidentFilter.query("110105201503070021")), "full IDs on request");
        }
    }
}
