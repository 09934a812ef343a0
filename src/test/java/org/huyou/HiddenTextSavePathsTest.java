package org.huyou;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.care.medical.Allergy;
import org.huyou.common.FieldError;
import org.huyou.common.HiddenTextChecksTest;
import org.huyou.common.ValidationException;
import org.huyou.common.io.ImportProblem;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.residents.Resident;
import org.huyou.residents.io.ImportPreview;
import org.huyou.residents.io.ResidentImportTest;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.huyou.volunteers.io.VolunteerImportPreview;
import org.huyou.volunteers.io.VolunteerImportTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name with a right-to-left override (U+202E) or another hidden character is refused on the ways text reaches the
 * database, in a sentence naming the field (an import's by row and column), and nothing of it is stored: a form's
 * save, a void's reason, the resident, volunteer (a column no service check reads, 专长, too), account and donor
 * imports.
 */
class HiddenTextSavePathsTest {

    private static final String SENTENCE = "含有不可见或改变文字方向的字符，请删除后再保存。";

    @TempDir
    Path dir;

    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aResidentsNameIsRefusedAndNothingIsStoredButANotesLineBreaksAreKept() {
        for (String hidden : HiddenTextChecksTest.HIDDEN) {
            Resident spoofed = withName(TestHome.boyDraft(), "周\u202E小宝".replace("\u202E", hidden));
            ValidationException e = assertThrows(
                    ValidationException.class, () -> ctx.residents().create(spoofed));
            assertEquals(
                    List.of("name"), e.errors().stream().map(FieldError::field).toList());
            assertEquals("姓名" + SENTENCE, e.userMessage());
        }
        Resident guardian = withGuardianshipNote(TestHome.boyDraft(), "叔叔\u2067代为照看");
        ValidationException e =
                assertThrows(ValidationException.class, () -> ctx.residents().create(guardian));
        assertEquals("监护说明" + SENTENCE, e.userMessage());
        assertEquals(0, ctx.residents().countAll());

        Resident saved = ctx.residents().create(withNote(TestHome.boyDraft(), "第一行\n\t第二行"));
        assertEquals("第一行\n\t第二行", ctx.residents().get(saved.id()).note());
    }

    @Test
    void aDonorsNameAndAVoidsReasonAreRefused() {
        Resident boy = ctx.residents().create(TestHome.boyDraft());
        TestHome.loginAs(ctx, "fin", Role.FINANCE_OFFICER, Role.MEDICAL_STAFF);
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> ctx.ledger()
                        .createDonor(new NewDonor(
                                Donor.Kind.INDIVIDUAL, "张\u200B明华", Donor.Naming.FULL, null, null, null, null)));
        assertTrue(e.userMessage().endsWith(SENTENCE), e.userMessage());
        assertEquals(List.of(), ctx.ledger().donors("", 10));

        Allergy a = ctx.allergies().add(boy.id(), "青霉素", "皮疹", Allergy.Severity.MODERATE, TestHome.TODAY);
        ValidationException v =
                assertThrows(ValidationException.class, () -> ctx.allergies().voidAllergy(a.id(), "录\u202E错了"));
        assertEquals("理由" + SENTENCE, v.userMessage());
        assertEquals(1, ctx.allergies().current(boy.id()).size(), "not voided");
    }

    @Test
    void aResidentImportReportsTheRowAndColumnAndImportsNothing() throws Exception {
        String spoofedName = ResidentImportTest.GOOD_1.replace(",张小红,", ",张\u202E小红,");
        String hiddenHousehold = ResidentImportTest.GOOD_2.replace(",,弃婴,", ",滨州\u200D市,弃婴,");
        Path f = dir.resolve("in.csv");
        Files.writeString(
                f,
                String.join("\r\n", ResidentImportTest.HEADER, spoofedName, hiddenHousehold),
                StandardCharsets.UTF_8);
        ImportPreview p = ctx.residentImporter().preview(f);
        assertEquals(
                List.of(new ImportProblem(2, "姓名", "姓名" + SENTENCE), new ImportProblem(3, "户籍地", "户籍地" + SENTENCE)),
                p.problems());
        assertThrows(RuntimeException.class, () -> ctx.residentImporter().commit(p));
        assertEquals(0, ctx.residents().countAll());
    }

    @Test
    void aVolunteerImportReportsAHiddenCharacterInAColumnNoServiceCheckReads() throws Exception {
        TestHome.loginAs(ctx, "sw", Role.SOCIAL_WORKER); // the volunteer coordinator
        String row = VolunteerImportTest.GOOD_1.replace("特殊教育、康复", "特殊教育\u2066、康复");
        Path f = dir.resolve("v.csv");
        Files.writeString(f, String.join("\r\n", VolunteerImportTest.HEADER, row), StandardCharsets.UTF_8);
        VolunteerImportPreview p = ctx.volunteerImporter().preview(f, Map.of());
        assertFalse(p.problems().isEmpty());
        assertEquals(new ImportProblem(2, "专长", "专长" + SENTENCE), p.problems().get(0));
    }

    @Test
    void anAccountAndADonorImportReportTheCellOnce() throws Exception {
        Path accounts = dir.resolve("accounts.csv");
        Files.writeString(accounts, "用户名,姓名,角色\nhg1,李\u200B红,保育员\n", StandardCharsets.UTF_8);
        assertEquals(
                List.of(new ImportProblem(2, "姓名", "姓名" + SENTENCE)),
                ctx.accountImporter().preview(accounts, Map.of()).problems(),
                "read and checked by the service, said once");

        TestHome.loginAs(ctx, "fin", Role.FINANCE_OFFICER);
        Path donors = dir.resolve("donors.csv");
        Files.writeString(
                donors, "捐赠人,类型,公示方式,电话,联系人\r\n滨州\u202E爱心超市,企业,公示全名,0543-3219999,刘经理", StandardCharsets.UTF_8);
        assertEquals(
                List.of(new ImportProblem(2, "捐赠人", "捐赠人" + SENTENCE)),
                ctx.donorImporter().preview(donors, Map.of()).problems());
    }

    @Test
    void aHomesNameWhichHeadsEveryPaperIsRefusedBeforeAnythingIsMade() throws Exception {
        Path other = dir.resolve("other");
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> HomeAccess.setUp(
                        other,
                        new HomeAccess.Setup("滨州市\u202E院利福童儿", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD),
                        TestHome.CLOCK));
        assertEquals("福利院名称" + SENTENCE, e.userMessage());
        assertTrue(Files.notExists(other) || Files.list(other).findAny().isEmpty(), "no home made");
    }

    private static Resident withName(Resident r, String name) {
        return new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                name,
                r.formerName(),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                r.ethnicity(),
                r.idNumber(),
                r.householdRegistration(),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                r.admissionFrom(),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                r.guardianshipNote(),
                r.livingGroupId(),
                r.note());
    }

    private static Resident withGuardianshipNote(Resident r, String note) {
        return new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                r.name(),
                r.formerName(),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                r.ethnicity(),
                r.idNumber(),
                r.householdRegistration(),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                r.admissionFrom(),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                note,
                r.livingGroupId(),
                r.note());
    }

    private static Resident withNote(Resident r, String note) {
        return new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                r.name(),
                r.formerName(),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                r.ethnicity(),
                r.idNumber(),
                r.householdRegistration(),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                r.admissionFrom(),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                r.guardianshipNote(),
                r.livingGroupId(),
                note);
    }
}
