package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.app.Preferences;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.common.ui.InlineForms;
import org.huyou.security.Role;
import org.huyou.shell.Appearance;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The 明天计划 list shows a saved amount whole ("¥30,000.00", not "¥…") in the app's look, at 1366×768. */
@ExtendWith(ApplicationExtension.class)
class TomorrowPlanColumnsTest {

    @TempDir
    static Path dir;

    Stage stage;
    AppContext ctx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @AfterAll
    static void backToModena() {
        Platform.runLater(() -> Application.setUserAgentStylesheet(null));
    }

    @Test
    void theSavedAmountIsShownWhole(FxRobot robot) throws Exception {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(Files.createTempDirectory(dir, "home"));
        long child = ctx.residents().create(TestHome.boyDraft()).id();
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF);
        TomorrowPlanApplication a =
                ctx.medicalRecords().applyToTomorrowPlan(child, "先天性心脏病（房间隔缺损）", TestHome.TODAY.minusDays(20));
        ctx.medicalRecords()
                .recordTomorrowPlanApproval(
                        a.id(),
                        a.version(),
                        TestHome.TODAY.minusDays(2),
                        "滨州医学院附属医院",
                        TestHome.TODAY.plusDays(10),
                        new BigDecimal("123456.78"));
        List<TomorrowPlanApplication> rows = ctx.medicalRecords().tomorrowPlanApplications(child);
        Preferences prefs = Preferences.load(Path.of("target", "tomorrow-plan-prefs"));
        TomorrowPlanPane[] pane = new TomorrowPlanPane[1];
        robot.interact(() -> {
            pane[0] = new TomorrowPlanPane(
                    ctx.medicalRecords(),
                    new DirectTaskRunner(),
                    new DialogService(),
                    true,
                    true,
                    TestHome.TODAY,
                    () -> {});
            stage.setScene(new Scene(new StackPane(), 1366 - 200, 768 - 100));
            Appearance.apply(prefs, stage.getScene());
            stage.getScene().setRoot(InlineForms.scrolled(pane[0].node()));
            Appearance.apply(prefs, stage.getScene());
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the medical tab's load fills the list while the tab may not be in sight (another tab shown)
        robot.interact(() -> {
            pane[0].node().getParent().setVisible(false);
            pane[0].fill(child, rows);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> pane[0].node().getParent().setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            cut(stage.getScene().getRoot(), cut);
        });
        assertTrue(cut.isEmpty(), "cut cells " + cut);
    }

    private static void cut(Node node, List<String> cut) {
        if (node instanceof TableCell<?, ?> cell
                && cell.getText() != null
                && !cell.getText().isEmpty()
                && cell.isVisible()) {
            Text text = (Text) cell.getChildrenUnmodifiable().stream()
                    .filter(n -> n.getClass().getSimpleName().equals("LabeledText"))
                    .findFirst()
                    .orElse(null);
            if (text != null && !text.getText().equals(cell.getText())) {
                cut.add(text.getText() + " of " + cell.getText() + " (column "
                        + cell.getTableColumn().getWidth() + ")");
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> cut(c, cut));
        }
    }
}
