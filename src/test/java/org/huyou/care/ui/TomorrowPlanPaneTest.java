package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.common.Messages;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 明天计划 rows save what the fields showed when the button was pressed: the fields are read on the JavaFX thread
 * before the background work starts, so typing on while it runs neither changes what is saved nor is cleared after.
 */
@ExtendWith(ApplicationExtension.class)
class TomorrowPlanPaneTest {

    @TempDir
    static Path dir;

    AppContext ctx;
    Resident child;
    final HeldTasks tasks = new HeldTasks();

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(Files.createTempDirectory(dir, "home"));
        child = ctx.residents().create(TestHome.boyDraft());
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF);
        TomorrowPlanPane pane = new TomorrowPlanPane(
                ctx.medicalRecords(), tasks, new DialogService(), true, true, TestHome.TODAY, () -> {});
        pane.fill(child.id(), List.of());
        stage.setScene(new Scene(new javafx.scene.layout.VBox(pane.node()), 1000, 400));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void theFieldsAreReadWhenTheButtonIsPressedNotWhenTheWorkRuns(FxRobot robot) throws Exception {
        robot.interact(() -> {
            field(robot, "#tomorrowPlanCondition").setText("先天性心脏病（房间隔缺损）");
            robot.lookup("#applyTomorrowPlan").queryAs(Button.class).fire();
            field(robot, "#tomorrowPlanCondition").setText("脊柱侧弯"); // the next one, typed while the first saves
        });
        tasks.runHeld();
        List<TomorrowPlanApplication> saved = ctx.medicalRecords().tomorrowPlanApplications(child.id());
        assertEquals(1, saved.size(), "failures: " + tasks.failures);
        assertEquals("先天性心脏病（房间隔缺损）", saved.get(0).condition());
        assertEquals("脊柱侧弯", field(robot, "#tomorrowPlanCondition").getText(), "the next one's typing stays");

        @SuppressWarnings("unchecked")
        TableView<TomorrowPlanApplication> table =
                robot.lookup("#tomorrowPlanTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.getItems().setAll(saved);
            table.getSelectionModel().select(0);
            field(robot, "#tomorrowPlanHospital").setText("滨州医学院附属医院");
            robot.lookup("#tomorrowPlanOperation").queryAs(DateField.class).setValue(TestHome.TODAY.plusDays(10));
            field(robot, "#tomorrowPlanAmount").setText("30,000");
            robot.lookup("#approveTomorrowPlan").queryAs(Button.class).fire();
            field(robot, "#tomorrowPlanHospital").setText("市儿童医院");
            field(robot, "#tomorrowPlanAmount").setText("七千");
        });
        tasks.runHeld();
        TomorrowPlanApplication approved =
                ctx.medicalRecords().tomorrowPlanApplications(child.id()).get(0);
        assertEquals(TomorrowPlanApplication.Status.APPROVED, approved.status(), "failures: " + tasks.failures);
        assertEquals("滨州医学院附属医院", approved.hospital());
        assertEquals(TestHome.TODAY.plusDays(10), approved.operationDate());
        assertEquals(0, new BigDecimal("30000").compareTo(approved.amount()));
        assertEquals("市儿童医院", field(robot, "#tomorrowPlanHospital").getText());
        assertEquals("七千", field(robot, "#tomorrowPlanAmount").getText());
        assertTrue(tasks.failures.isEmpty(), tasks.failures.toString());
    }

    /**
     * Nothing typed is ever lost: an operation date typed unreadably is not taken as no date (the approval was then
     * refused as "请填写手术日期", or saved without it); the press is refused with a sentence naming the field and
     * quoting the text, which stays in the field, and nothing is written. The same filter holds every form's dates.
     */
    @Test
    void anUnreadableDateRefusesTheApprovalNamingTheFieldAndKeepsTheText(FxRobot robot) throws Exception {
        TomorrowPlanApplication pending =
                ctx.medicalRecords().applyToTomorrowPlan(child.id(), "先天性心脏病（房间隔缺损）", TestHome.TODAY.minusDays(5));
        @SuppressWarnings("unchecked")
        TableView<TomorrowPlanApplication> table =
                robot.lookup("#tomorrowPlanTable").queryAs(TableView.class);
        DateField operation = robot.lookup("#tomorrowPlanOperation").queryAs(DateField.class);
        robot.interact(() -> {
            table.getItems().setAll(pending);
            table.getSelectionModel().select(0);
            field(robot, "#tomorrowPlanHospital").setText("滨州医学院附属医院");
            field(robot, "#tomorrowPlanAmount").setText("30,000");
            operation.requestFocus();
            operation.getEditor().setText("2026-02-30"); // a day February never has
        });
        Button approve = robot.lookup("#approveTomorrowPlan").queryAs(Button.class);
        Platform.runLater(approve::fire); // the refusal is a dialog that waits for its OK
        org.huyou.testing.FxTesting.waitFor(
                () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane dialog =
                robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        String said = dialog.getContentText();
        robot.interact(
                () -> ((Button) dialog.lookupButton(dialog.getButtonTypes().get(0))).fire());
        tasks.runHeld();
        assertTrue(said.contains("手术日期") && said.contains("2026-02-30"), said);
        assertEquals("2026-02-30", operation.getEditor().getText(), "what was typed stays");
        assertEquals(
                TomorrowPlanApplication.Status.PENDING,
                ctx.medicalRecords().tomorrowPlanApplications(child.id()).get(0).status(),
                "nothing written; failures: " + tasks.failures);
        assertTrue(tasks.failures.isEmpty(), "the service was not even asked: " + tasks.failures);
        assertEquals("滨州医学院附属医院", field(robot, "#tomorrowPlanHospital").getText());
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    /** Keeps each task until the test runs it on a thread of its own, as the app's runner would, later. */
    static final class HeldTasks implements TaskRunner {
        private final List<Runnable> held = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    failures.add(e); // kept for the assertion, not shown in a dialog nobody answers
                }
            });
        }

        /** Runs the held work off the JavaFX thread and waits until its results have reached the screen. */
        void runHeld() throws InterruptedException {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            Thread worker = new Thread(() -> now.forEach(Runnable::run), "held-tasks");
            worker.start();
            worker.join();
            WaitForAsyncUtils.waitForFxEvents();
        }

        @Override
        public ReadOnlyIntegerProperty running() {
            return running.getReadOnlyProperty();
        }
    }
}
