package org.huyou.documents.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.TestFiles;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLog;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A social worker on the real 材料 tab: adds a PDF and a photo at once, reads the PDF page by page and zooms the
 * photo, saves a copy, replaces and voids; a refused file is named; an expired paper is marked in words.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentsScreenTest {

    @TempDir
    static Path dir;

    Path home;
    Path files;
    AppFrame frame;
    Resident child;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        files = Files.createTempDirectory(dir, "files");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            child = ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "钱小文",
                            null,
                            Gender.MALE,
                            LocalDate.of(2016, 5, 2),
                            false,
                            null,
                            null,
                            null,
                            Category.ORPHAN,
                            LocalDate.of(2017, 3, 1),
                            AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            DisabilityType.NONE,
                            null,
                            Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            null));
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
            ctx.accounts().create("nurse", "郑护士", TestHome.PASSWORD, EnumSet.of(Role.MEDICAL_STAFF));
            ctx.login().logout();
            ctx.login().login("nurse", TestHome.PASSWORD.toCharArray());
            ctx.medicalRecords()
                    .add(
                            child.id(),
                            org.huyou.care.medical.MedicalRecord.Kind.SURGERY,
                            TestHome.TODAY.minusDays(5),
                            "唇裂修复术",
                            null,
                            null,
                            null);
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        if (frame != null) {
            FxTesting.shutDown(frame);
        }
    }

    private DocumentsPart openTab(FxRobot robot) {
        return openTab(robot, "sw");
    }

    private DocumentsPart openTab(FxRobot robot, String username) {
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        robot.clickOn("#loginUsername").write(username);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        waitFor(() -> robot.lookup("#residentTable").tryQuery().isPresent());
        robot.clickOn("#residentSearch").write(child.recordNo());
        waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.clickText(robot, child.name());
        waitFor(() -> robot.lookup("#detailName")
                .tryQuery()
                .map(n -> child.name().equals(((Label) n).getText()))
                .orElse(false)); // the file's view is built when a resident is first chosen
        FxTesting.selectTab(robot, "#residentTabs", Messages.t("careDomain.DOCUMENTS"));
        waitFor(() -> robot.lookup("#documentTable").tryQuery().isPresent());
        return DocumentsPart.of(robot.lookup("#documentTable").query());
    }

    @SuppressWarnings("unchecked")
    private static TableView<Document> table(FxRobot robot) {
        return robot.lookup("#documentTable").queryAs(TableView.class);
    }

    /** The list's column headed by the text of {@code key} (columns are found by heading, not by position). */
    private static javafx.scene.control.TableColumn<Document, ?> column(FxRobot robot, String key) {
        return table(robot).getColumns().stream()
                .filter(c -> Messages.t(key).equals(c.getText()))
                .findFirst()
                .orElseThrow();
    }

    private static void select(FxRobot robot, String title) {
        TableView<Document> t = table(robot);
        robot.interact(() -> t.getSelectionModel()
                .select(t.getItems().stream()
                        .filter(d -> d.title().equals(title))
                        .findFirst()
                        .orElseThrow()));
    }

    private static Document row(FxRobot robot, String title) {
        return table(robot).getItems().stream()
                .filter(d -> d.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSocialWorkerAddsViewsSavesReplacesAndVoidsDocuments(FxRobot robot) throws Exception {
        Path pdf = TestFiles.pdf(files.resolve("入院登记表.pdf"), "admission", 3);
        Path png = TestFiles.image(files.resolve("入院照片.png"), "png");
        DocumentsPart part = openTab(robot);
        robot.interact(() ->
                robot.lookup("#documentKind").<ComboBox<DocumentKind>>query().setValue(DocumentKind.ADMISSION_FORM));
        robot.interact(() -> part.addFiles(List.of(pdf, png))); // as the chooser or a drop hands them over
        FxTesting.waitOrFailOnDialog(robot, () -> table(robot).getItems().size() == 2);
        assertEquals(DocumentKind.ADMISSION_FORM, row(robot, "入院登记表").kind(), "a blank title takes the name");
        // Each row gets its thumbnail, made in the background: the PDF's first page, the photo scaled down
        waitFor(() -> robot.lookup("#documentTable .table-cell").queryAll().stream()
                        .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                                && c.getGraphic() instanceof ImageView v
                                && v.getImage() != null)
                        .count()
                == 2);

        // The PDF, page by page
        select(robot, "入院登记表");
        FxTesting.click(robot, "#viewDocument");
        waitFor(() -> robot.lookup("#documentPage")
                .tryQuery()
                .map(n -> ((Label) n).getText().equals(Messages.t("document.page", 1, 3)))
                .orElse(false));
        assertTrue(robot.lookup("#documentImage").queryAs(ImageView.class).getImage() != null);
        FxTesting.click(robot, "#nextPage");
        waitFor(() ->
                robot.lookup("#documentPage").queryAs(Label.class).getText().equals(Messages.t("document.page", 2, 3)));
        closeViewer(robot);

        // The photo, zoomed
        select(robot, "入院照片");
        FxTesting.click(robot, "#viewDocument");
        waitFor(() -> robot.lookup("#documentImage")
                .tryQuery()
                .map(n -> ((ImageView) n).getImage() != null)
                .orElse(false));
        ImageView image = robot.lookup("#documentImage").queryAs(ImageView.class);
        double before = image.getFitWidth();
        FxTesting.click(robot, "#zoomIn");
        waitFor(() -> image.getFitWidth() > before * 1.2);
        closeViewer(robot);

        // A copy saved
        Path out = Files.createTempDirectory(dir, "out");
        Document form = row(robot, "入院登记表");
        robot.interact(() -> part.saveCopy(form, out));
        waitFor(() -> listed(out).size() == 1);
        assertArrayEquals(
                Files.readAllBytes(pdf), Files.readAllBytes(listed(out).get(0)));

        // A new version: the old one voided and kept
        Path newer = TestFiles.pdf(files.resolve("new.pdf"), "admission v2", 1);
        robot.interact(() -> part.replace(form, "补充签字", newer));
        FxTesting.waitOrFailOnDialog(robot, () -> table(robot).getItems().size() == 3);
        assertTrue(table(robot).getItems().stream()
                .filter(d -> d.id() == form.id())
                .findFirst()
                .orElseThrow()
                .voided());
        Document fresh = row(robot, "入院登记表"); // newest first
        assertEquals(form.id(), fresh.replacesId());
        assertTrue(!fresh.voided());

        // Void the photo with a reason, through the shared button
        select(robot, "入院照片");
        // the replacement's notices still show: they stand below the page, never over 作废 (one took its click)
        List<String> covered = new java.util.ArrayList<>();
        robot.interact(() -> covered.addAll(org.huyou.testing.ScreenProblems.coveredByNotices(frame.getScene())));
        assertEquals(List.of(), covered, "the notices lie over none of the page's buttons or inputs");
        FxTesting.snapshotWithPopups((Stage) frame.getScene().getWindow(), "documents-void-with-notices");
        // scrolled to first: the page the notices leave less height may hold it below its view
        FxTesting.click(
                robot,
                robot.lookup((Node n) -> n instanceof Button b
                                && b.isVisible()
                                && Messages.t("residents.voidStatus").equals(b.getText()))
                        .<Node>query());
        // the dialog opens after the click is handled: waited for, not looked up at once (CI under load)
        FxTesting.clickWhenShown(robot, "#reasonField").write("拍错了人");
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b
                        && n.getScene() != frame.getScene()
                        && Messages.t("residents.voidStatus").equals(b.getText()))
                .<Node>query());
        waitFor(() -> row(robot, "入院照片").voided());

        FxTesting.shutDown(frame); // the home's file is opened once at a time
        frame = null;
        try (AppContext ctx = TestHome.open(home)) {
            assertEquals(
                    2, ctx.audit().count(new AuditFilter("sw", AuditLog.READ, "resident_document", null, null, null)));
            assertEquals(
                    1,
                    ctx.audit().count(new AuditFilter("sw", AuditLog.EXPORT, "resident_document", null, null, null)));
            assertEquals(
                    2, ctx.audit().count(new AuditFilter("sw", AuditLog.VOID, "resident_document", null, null, null)));
        }
    }

    @Test
    void aRefusedFileIsNamedAndAnExpiredPaperMarked(FxRobot robot) throws Exception {
        Path fake = Files.writeString(files.resolve("户口本.pdf"), "plain text, not a scan");
        Path id = TestFiles.image(files.resolve("身份证.jpg"), "jpg");
        DocumentsPart part = openTab(robot);
        robot.interact(() -> {
            robot.lookup("#documentKind").<ComboBox<DocumentKind>>query().setValue(DocumentKind.ID_CARD);
            robot.lookup("#documentValidUntil")
                    .<javafx.scene.control.DatePicker>query()
                    .setValue(TestHome.TODAY.minusDays(1));
        });
        robot.interact(() -> part.addFiles(List.of(fake, id)));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String said = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertTrue(said.contains("户口本.pdf"), said);
        assertEquals(1, table(robot).getItems().size(), "the good file of the two was kept");
        assertTrue(FxTesting.rows(robot, "#documentTable") == 1);
        String validity = (String) column(robot, "document.validUntil").getCellData(0);
        assertTrue(validity.contains(Messages.t("document.markExpired")), validity);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNurseLinksASurgerysConsentWhichTheTimelineShowsOnTheSurgery(FxRobot robot) throws Exception {
        Path consent = TestFiles.pdf(files.resolve("手术同意书.pdf"), "consent", 1);
        Path report = TestFiles.pdf(files.resolve("术后报告.pdf"), "report", 1);
        DocumentsPart part = openTab(robot, "nurse");
        ComboBox<org.huyou.documents.CareEntry.Target> link =
                robot.lookup("#documentLink").queryAs(ComboBox.class);
        waitFor(() -> link.getItems().size() == 1);
        robot.interact(() -> {
            robot.lookup("#documentKind").<ComboBox<DocumentKind>>query().setValue(DocumentKind.SURGERY_CONSENT);
            link.getSelectionModel().selectFirst();
        });
        String surgery = link.getValue().label();
        assertTrue(surgery.contains("唇裂修复术"), surgery);
        robot.interact(() -> part.addFiles(List.of(consent)));
        FxTesting.waitOrFailOnDialog(robot, () -> table(robot).getItems().size() == 1);
        waitFor(() -> surgery.equals(column(robot, "document.linkedCol").getCellData(0)));
        assertEquals(null, link.getValue(), "the next files are not linked unless chosen again");

        // Linked afterwards: a report added without a link, then linked through 关联到记录…
        robot.interact(() ->
                robot.lookup("#documentKind").<ComboBox<DocumentKind>>query().setValue(DocumentKind.MEDICAL_REPORT));
        robot.interact(() -> part.addFiles(List.of(report)));
        FxTesting.waitOrFailOnDialog(robot, () -> table(robot).getItems().size() == 2);
        select(robot, "术后报告");
        FxTesting.click(robot, "#linkDocument");
        waitFor(() -> robot.lookup("#linkDocumentDialog").tryQuery().isPresent());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b
                        && Messages.t("document.linkAction").equals(b.getText())
                        && n.getScene() != frame.getScene())
                .<Node>query());
        waitFor(() -> surgery.equals(column(robot, "document.linkedCol").getCellData(row(robot, "术后报告"))));

        // On the timeline the surgery says it has two documents; Enter (or a double click) lists them, 查看 opens the
        // viewer.
        FxTesting.selectTab(robot, "#residentTabs", Messages.t("timeline.title"));
        javafx.scene.control.ListView<org.huyou.care.TimelineEntry> timeline =
                robot.lookup("#timelineList").queryAs(javafx.scene.control.ListView.class);
        String marked = Messages.t("timeline.documents", 2);
        waitFor(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                        && c.getText() != null
                        && c.getText().contains("唇裂修复术")
                        && c.getText().contains(marked))
                .tryQuery()
                .isPresent());
        // chosen with a click, opened with Enter (a double click does the same; under load a robot's double click
        // can arrive as two single ones)
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                        && c.getText() != null
                        && c.getText().contains(marked))
                .<Node>query());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> robot.lookup("#linkedDocuments")
                .tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 2)
                .orElse(false));
        assertTrue(timeline.getItems().stream().anyMatch(e -> "medical_record".equals(e.entity())));
        FxTesting.click(robot, "#viewLinkedDocument");
        waitFor(() -> robot.lookup("#documentPage")
                .tryQuery()
                .map(n -> ((Label) n).getText().equals(Messages.t("document.page", 1, 1)))
                .orElse(false));
        robot.clickOn(robot.from(robot.lookup("#documentViewer").<Node>query())
                .lookup((Node n) ->
                        n instanceof Button b && Messages.t("document.close").equals(b.getText()))
                .<Node>query());
        waitFor(() -> robot.lookup("#documentViewer").tryQuery().isEmpty());
    }

    private static void closeViewer(FxRobot robot) {
        robot.clickOn(robot.lookup((Node n) ->
                        n instanceof Button b && Messages.t("document.close").equals(b.getText()))
                .<Node>query());
        waitFor(() -> robot.lookup("#documentViewer").tryQuery().isEmpty());
    }

    private static List<Path> listed(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.toString().endsWith(".part")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
