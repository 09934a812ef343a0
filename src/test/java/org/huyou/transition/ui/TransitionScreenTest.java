package org.huyou.transition.ui;

import static org.huyou.testing.FxTesting.choose;
import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.rows;
import static org.huyou.testing.FxTesting.waitFor;
import static org.huyou.testing.FxTesting.waitOrFailOnDialog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.AppContext;
import org.huyou.common.Gender;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.DocumentService;
import org.huyou.documents.TestFiles;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLog;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.huyou.transition.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * From the dashboard the social worker assesses a seventeen-year-old and chooses a pathway; the director approves it
 * and sees the task list; the placement plan prints as a PDF.
 */
@ExtendWith(ApplicationExtension.class)
class TransitionScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;
    Resident youth;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            youth = ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "林晓峰",
                            null,
                            Gender.MALE,
                            LocalDate.of(2009, 6, 10),
                            false,
                            null,
                            null,
                            null,
                            Category.ORPHAN,
                            LocalDate.of(2012, 3, 1),
                            AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            DisabilityType.NONE,
                            null,
                            Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            null));
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
            ctx.accounts().create("yz", "王院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
            addDocuments(ctx);
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        if (frame != null) {
            FxTesting.shutDown(frame);
        }
    }

    /** The papers in the youth's file, and the files they were made from (what the archive must hold, byte for byte). */
    Document admission;

    Document birthday;
    Document birthdayAgain;
    Document voided;
    Document medical;
    Path admissionFile;
    Path birthdayFile;
    Path birthdayAgainFile;

    private void addDocuments(AppContext ctx) throws Exception {
        admissionFile = TestFiles.pdf(home.resolve("admission.pdf"), "ADMISSION 2012", 2);
        birthdayFile = TestFiles.image(home.resolve("ten.jpg"), "jpg");
        birthdayAgainFile = TestFiles.image(home.resolve("eleven.jpg"), "jpg", 64, 48);
        long id = youth.id();
        admission = ctx.documents()
                .add(
                        id,
                        new DocumentService.Details(
                                DocumentKind.ADMISSION_FORM, "入院登记表", LocalDate.of(2012, 3, 1), null),
                        admissionFile);
        // a title with a slash and two photos of one title: the archive's names come from the one sanitizer
        birthday = ctx.documents()
                .add(
                        id,
                        new DocumentService.Details(DocumentKind.PHOTO, "生日/十岁", LocalDate.of(2019, 6, 10), null),
                        birthdayFile);
        birthdayAgain = ctx.documents()
                .add(
                        id,
                        new DocumentService.Details(DocumentKind.PHOTO, "生日/十岁", LocalDate.of(2020, 6, 10), null),
                        birthdayAgainFile);
        voided = ctx.documents()
                .add(
                        id,
                        new DocumentService.Details(DocumentKind.OTHER, "拍错的照片", LocalDate.of(2020, 1, 1), null),
                        TestFiles.image(home.resolve("wrong.png"), "png"));
        ctx.documents().voidDocument(voided.id(), "拍错了人");
        ctx.accounts().create("hs", "李护士", TestHome.PASSWORD, EnumSet.of(Role.MEDICAL_STAFF));
        ctx.login().logout();
        ctx.login().login("hs", TestHome.PASSWORD.toCharArray());
        medical = ctx.documents()
                .add(
                        id,
                        new DocumentService.Details(
                                DocumentKind.MEDICAL_REPORT, "体检报告", LocalDate.of(2024, 5, 1), null),
                        TestFiles.pdf(home.resolve("checkup.pdf"), "CHECKUP", 1));
    }

    private void openYouth(FxRobot robot, String user) {
        FxTesting.logInAndOpen(robot, user, "#navTransition");
        waitFor(() -> robot.lookup("#transitionTable").tryQuery().isPresent() && rows(robot, "#transitionTable") == 1);
        robot.interact(() -> robot.lookup("#transitionTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        waitFor(() ->
                robot.lookup("#transitionWho").queryAs(Label.class).getText().contains("林晓峰"));
    }

    @Test
    void assessChooseApproveAndSeeTheTasksAndThePlan(FxRobot robot) throws Exception {
        openYouth(robot, "sw");
        for (Capability.Area area : Capability.Area.values()) {
            choose(robot, "#score" + area.name(), area == Capability.Area.SELF_CARE ? "4" : "3");
        }
        waitFor(() ->
                robot.lookup("#capabilityConclusion").queryComboBox().getValue() == Capability.Conclusion.INDEPENDENT);
        click(robot, "#recordAssessment");
        waitOrFailOnDialog(robot, () -> rows(robot, "#assessmentTable") == 1);
        waitFor(() -> robot.lookup("#pathwaySuggestion")
                .queryAs(Label.class)
                .getText()
                .contains("社会化安置"));
        click(robot, "#pathwayBasis").write("能独立生活，本人愿回户籍地");
        click(robot, "#decidePathway");
        waitOrFailOnDialog(
                robot,
                () -> robot.lookup("#planStatus").queryAs(Label.class).getText().contains("待院长审批"));
        assertTrue(rows(robot, "#taskTable") == 0, "no tasks before the director approves");
        click(robot, "#logout");

        openYouth(robot, "yz");
        // the director reads what they approve: the pathway, the written basis, the payments
        waitFor(() -> robot.lookup("#planStatus").queryAs(Label.class).getText().contains("能独立生活，本人愿回户籍地"));
        click(robot, "#approvePlan");
        waitOrFailOnDialog(robot, () -> rows(robot, "#taskTable") == 5);
        waitFor(() -> robot.lookup("#approvePlan").queryButton().isDisabled());
        assertTrue(rows(robot, "#paymentTable") == 1, "the resettlement subsidy");
        click(robot, "#printPlan");
        Path pdf = home.resolve("placement").resolve("成年安置方案-" + youth.recordNo() + "-林晓峰.pdf");
        waitOrFailOnDialog(robot, () -> Files.exists(pdf));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(
                text.contains("成年安置方案")
                        && text.contains("林晓峰")
                        && text.contains("2027-06-10")
                        && text.contains("户口")
                        && text.contains("50,000.00"),
                text);
        assertTrue(!text.contains("生活自理："), "no assessment details unless included");
        click(robot, "#logout");

        // deciding again voids the unpaid subsidy: it stays on the plan, marked, and cannot be recorded as paid
        openYouth(robot, "sw");
        click(robot, "#pathwayBasis").write("；补充说明");
        click(robot, "#decidePathway");
        waitOrFailOnDialog(
                robot,
                () -> robot.lookup("#planStatus").queryAs(Label.class).getText().contains("待院长审批"));
        waitFor(() -> rows(robot, "#paymentTable") == 1
                && ((org.huyou.transition.Payment) robot.lookup("#paymentTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .get(0))
                        .voided());
        robot.interact(() -> robot.lookup("#paymentTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        assertTrue(robot.lookup("#recordPayment").queryButton().isDisabled(), "a voided line is not paid");
        FxTesting.snapshot(robot.lookup("#paymentTable").query(), "transition-payment-voided");
    }

    /**
     * The social worker ticks three of the youth's papers for their own archive: the ZIP holds them byte for byte
     * under safe, distinct names, its index lists them and shows the photos by date; a voided paper and a medical
     * one (the social worker does not read medical records) are not offered; who exported which paper is audited.
     */
    @Test
    void chosenDocumentsGoIntoTheChildsOwnArchive(FxRobot robot) throws Exception {
        openYouth(robot, "sw");
        waitFor(() -> robot.lookup("#archiveDoc" + admission.id()).tryQuery().isPresent());
        assertTrue(robot.lookup("#archiveDoc" + voided.id()).tryQuery().isEmpty(), "a voided paper is not offered");
        assertTrue(
                robot.lookup("#archiveDoc" + medical.id()).tryQuery().isEmpty(),
                "a medical paper is not offered to who may not read it");
        for (Document d : List.of(admission, birthday, birthdayAgain)) {
            click(robot, "#archiveDoc" + d.id());
        }
        click(robot, "#exportArchive");
        Path zip = home.resolve("placement").resolve("个人成长档案-" + youth.recordNo() + "-林晓峰.zip");
        waitOrFailOnDialog(robot, () -> Files.exists(zip));

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                entries.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        assertArrayEquals(
                Files.readAllBytes(admissionFile),
                entries.get("documents/入院登记表.pdf"),
                entries.keySet().toString());
        assertArrayEquals(
                Files.readAllBytes(birthdayFile),
                entries.get("documents/生日_十岁.jpg"),
                entries.keySet().toString());
        assertArrayEquals(
                Files.readAllBytes(birthdayAgainFile),
                entries.get("documents/生日_十岁 (2).jpg"),
                entries.keySet().toString());
        assertEquals(
                3,
                entries.keySet().stream()
                        .filter(n -> n.startsWith("documents/"))
                        .count(),
                entries.keySet().toString());
        String index = new String(entries.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(
                index.contains("入院登记表")
                        && index.contains("生日/十岁")
                        && index.contains("照片时间线")
                        && index.contains("2019-06-10")
                        && index.contains("documents/" + URLEncoder.encode("生日_十岁", StandardCharsets.UTF_8) + ".jpg"),
                index);
        assertTrue(!index.contains("拍错的照片") && !index.contains("体检报告"), index);

        FxTesting.shutDown(frame); // the home's file is opened once at a time
        frame = null;
        try (AppContext ctx = TestHome.open(home)) {
            List<AuditEntry> exported = ctx.audit()
                    .browse(new AuditFilter("sw", AuditLog.EXPORT, "resident_document", null, null, null), 10);
            assertEquals(
                    Set.of(
                            String.valueOf(admission.id()),
                            String.valueOf(birthday.id()),
                            String.valueOf(birthdayAgain.id())),
                    exported.stream().map(AuditEntry::entityId).collect(Collectors.toSet()),
                    exported.toString());
            assertEquals(
                    1,
                    ctx.audit()
                            .count(new AuditFilter(
                                    "sw", AuditLog.EXPORT, "resident", String.valueOf(youth.id()), null, null)),
                    "the archive itself, naming its documents");
        }
    }
}
