package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A refusal that names a field marks it red on the form and puts the cursor there, found by the label the form
 * shows for it (the service's sentence starts with it: "说明：不能超过 2000 个字。") or by its id (a time read by
 * InlineForms); the mark goes once the field is changed. Before, only the sentence said which field.
 */
@ExtendWith(ApplicationExtension.class)
class FieldMarksScreenTest {

    TextField title;
    TextField detail;
    TextField time;
    final List<String> said = new ArrayList<>();
    Notices notices;

    @Start
    void start(Stage stage) {
        Messages.use(Messages.CHINESE);
        title = new TextField();
        detail = new TextField();
        time = new TextField();
        time.setId("incidentTime");
        HBox form = new HBox(
                6, InlineForms.labelled("medical.title", title), InlineForms.labelled("medical.detail", detail), time);
        notices = FieldMarks.marking(() -> form, new Notices() {
            @Override
            public void notifySuccess(String text) {}

            @Override
            public void showError(Throwable t) {
                said.add(t.getMessage());
            }
        });
        stage.setScene(new Scene(form, 900, 200));
        stage.show();
    }

    private static boolean red(Node n) {
        return n.getPseudoClassStates().contains(FieldMarks.DANGER);
    }

    @Test
    void theFieldARefusalNamesIsMarkedAndFocusedUntilChanged(FxRobot robot) {
        Checks checks = new Checks(java.time.LocalDate.of(2026, 11, 23));
        checks.text("detail", "medical.detail", "字".repeat(2001), 2000, false);
        robot.interact(() -> {
            try {
                checks.throwIfAny();
            } catch (ValidationException e) {
                notices.showError(e);
            }
        });
        assertEquals(1, said.size(), "the sentence is still said");
        assertTrue(red(detail), "marked by its label");
        assertTrue(detail.isFocused());
        assertFalse(red(title));

        robot.interact(() -> detail.setText("短一些"));
        assertFalse(red(detail), "changed: the mark goes");

        robot.interact(() -> notices.showError(
                new ValidationException(List.of(new FieldError("incidentTime", "check.notATime", "时间", "25:99")))));
        assertTrue(red(time), "marked by its id");
    }
}
