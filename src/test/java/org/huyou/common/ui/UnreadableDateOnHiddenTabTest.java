package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.huyou.common.Messages;
import org.huyou.testing.FxTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The unsaved-changes question's 保存 presses the save button of a form on a tab not in sight: a date typed there
 * unreadably is refused naming the tab as well as the field, and that tab is opened, so the field can be found (a
 * tester was told only the field's name, with another tab in front).
 */
@ExtendWith(ApplicationExtension.class)
class UnreadableDateOnHiddenTabTest {

    TabPane tabs;
    Tab medical;
    DateField date;
    Button save;
    final AtomicInteger saved = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Messages.use(Messages.CHINESE);
        date = new DateField();
        save = new Button("添加");
        save.setOnAction(e -> saved.incrementAndGet());
        medical = new Tab("医疗", new HBox(6, InlineForms.labelled("medical.nextDueLabel", date), save));
        tabs = new TabPane(new Tab("档案", new Label("周小宝")), medical);
        stage.setScene(new Scene(tabs, 700, 300));
        stage.show();
    }

    @Test
    void theRefusalNamesTheTabAndOpensIt(FxRobot robot) {
        robot.interact(() -> {
            tabs.getSelectionModel().select(medical);
            date.requestFocus();
            date.getEditor().setText("2026-02-30");
            tabs.getSelectionModel().select(0); // typed, then another tab opened: the form is out of sight
        });
        Platform.runLater(save::fire); // as the question's 保存 does; the refusal waits for its OK
        FxTesting.waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String said = dialog.getContentText();
        robot.interact(
                () -> ((Button) dialog.lookupButton(dialog.getButtonTypes().get(0))).fire());
        assertTrue(
                said.contains("医疗") && said.contains(Messages.t("medical.nextDueLabel")) && said.contains("2026-02-30"),
                said);
        assertEquals(medical, tabs.getSelectionModel().getSelectedItem(), "the tab with the field is opened");
        assertEquals(0, saved.get(), "nothing saved");
    }
}
