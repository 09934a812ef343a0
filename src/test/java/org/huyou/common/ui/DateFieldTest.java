package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A date the screen sets survives a commit before the field was ever shown (the shift log lost its day that way
 * when it opened on the user's last group, and then showed no children); typed text still wins once shown.
 */
class DateFieldTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aDateSetBeforeTheFieldIsShownIsKeptByACommit() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 5);
        AtomicReference<LocalDate> after = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    DateField field = new DateField();
                    field.setValue(day);
                    field.commitText();
                    after.set(field.getValue());
                })
                .get();
        assertEquals(day, after.get());
    }

    @Test
    void onceShownTypedTextIsTakenAndUnreadableTextClearsTheValueButStaysMarkedWithItsSentence() throws Exception {
        AtomicReference<LocalDate> typed = new AtomicReference<>();
        AtomicReference<LocalDate> unreadable = new AtomicReference<>(LocalDate.MIN);
        AtomicReference<String> kept = new AtomicReference<>();
        AtomicReference<String> why = new AtomicReference<>();
        AtomicReference<String> afterFix = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    DateField field = new DateField();
                    new Scene(new StackPane(field));
                    field.applyCss();
                    field.setValue(LocalDate.of(2026, 1, 1));
                    field.getEditor().setText("2024/3/5");
                    field.commitText();
                    typed.set(field.getValue());
                    field.getEditor().setText("2025-13-45");
                    field.commitText();
                    unreadable.set(field.getValue());
                    kept.set(field.getEditor().getText());
                    why.set(
                            field.getTooltip() == null
                                    ? null
                                    : field.getTooltip().getText());
                    field.getEditor().setText("2025-12-31");
                    field.commitText();
                    afterFix.set(
                            field.getTooltip() == null
                                    ? "no tooltip"
                                    : field.getTooltip().getText());
                })
                .get();
        assertEquals(LocalDate.of(2024, 3, 5), typed.get());
        assertNull(unreadable.get());
        assertEquals("2025-13-45", kept.get(), "what was typed stays, so the mistake can be seen and corrected");
        assertTrue(why.get() != null && why.get().contains("2025-13-45"), String.valueOf(why.get()));
        assertEquals("no tooltip", afterFix.get());
    }

    @Test
    void unreadableTextTypedOverADateStaysInTheFieldWhenTheFocusLeavesIt() throws Exception {
        AtomicReference<javafx.stage.Stage> stage = new AtomicReference<>();
        AtomicReference<DateField> field = new AtomicReference<>();
        AtomicReference<javafx.scene.control.TextField> next = new AtomicReference<>();
        // the form's date, as a screen binds it: today is there before anything is typed
        javafx.beans.property.ObjectProperty<LocalDate> formDate =
                new javafx.beans.property.SimpleObjectProperty<>(LocalDate.of(2026, 12, 6));
        WaitForAsyncUtils.asyncFx(() -> {
                    DateField f = new DateField();
                    f.valueProperty().bindBidirectional(formDate);
                    javafx.scene.control.TextField other = new javafx.scene.control.TextField();
                    javafx.stage.Stage s = new javafx.stage.Stage();
                    s.setScene(new Scene(new javafx.scene.layout.VBox(f, other)));
                    s.show();
                    f.requestFocus();
                    f.getEditor().selectAll();
                    f.getEditor().replaceSelection("2026-02-30"); // typed over today: a day February never has
                    stage.set(s);
                    field.set(f);
                    next.set(other);
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> next.get().requestFocus()).get(); // Tab: the picker commits on its own
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> text = new AtomicReference<>();
        AtomicReference<String> unreadable = new AtomicReference<>();
        AtomicReference<LocalDate> reached = new AtomicReference<>(LocalDate.MIN);
        WaitForAsyncUtils.asyncFx(() -> {
                    text.set(field.get().getEditor().getText());
                    unreadable.set(field.get().unreadableText());
                    reached.set(formDate.get());
                    field.get().setValue(LocalDate.of(2026, 2, 28)); // then picked from the calendar
                    stage.get().close();
                })
                .get();
        assertEquals("2026-02-30", text.get(), "what was typed is still there after Tab");
        assertNull(reached.get(), "no date reaches the form");
        assertEquals("2026-02-30", unreadable.get());
        assertNull(field.get().unreadableText(), "a picked date replaces the unreadable text");
    }

    /**
     * When the picker's own commit on leaving the field comes before the field's (a real click on a button, in the
     * app), it reads the text as no date and empties the editor; the field's commit then read an empty field and
     * the press went on as if no date were typed ("请填写记录的日期" in the tryout). The typed text is still the one
     * committed.
     */
    @Test
    void thePickersOwnCommitFirstDoesNotTurnTheTypedTextIntoNoDate() throws Exception {
        AtomicReference<String> text = new AtomicReference<>();
        AtomicReference<String> unreadable = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    DateField f = new DateField();
                    new Scene(new StackPane(f));
                    f.applyCss();
                    f.setValue(LocalDate.of(2026, 12, 6));
                    f.getEditor().setText("abc");
                    // what the picker's skin does when the focus leaves: the converter, then the empty editor
                    f.setValue(f.getConverter().fromString(f.getEditor().getText()));
                    f.getEditor().setText("");
                    f.commitText();
                    text.set(f.getEditor().getText());
                    unreadable.set(f.unreadableText());
                })
                .get();
        assertEquals("abc", text.get(), "the typed text is back in the field");
        assertEquals("abc", unreadable.get(), "and taken as not a date, not as no date");
    }

    /**
     * A refusal names the field by its label, also when the label is for a box holding the date beside another
     * control (the register's 出生日期 with its 估计 box: the sentence said only 日期).
     */
    @Test
    void anUnreadableDateIsNamedByTheLabelOfTheBoxHoldingIt() throws Exception {
        AtomicReference<String> name = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    DateField birth = new DateField();
                    javafx.scene.layout.HBox box =
                            new javafx.scene.layout.HBox(birth, new javafx.scene.control.CheckBox("估计"));
                    javafx.scene.control.Label label = new javafx.scene.control.Label("出生日期 *");
                    label.setLabelFor(box);
                    new Scene(new javafx.scene.layout.VBox(label, box));
                    name.set(UnreadableDates.nameOf(birth));
                })
                .get();
        assertEquals("出生日期", name.get());
    }

    /**
     * The tryout's first click: a date typed unreadably over a date, and the focus leaves for a button at once. In
     * the same pulse (before anything the picker defers), the field still shows the text and holds it as not a
     * date; the first press was taken as no date ("请填写记录的日期") and only the second was refused as it should.
     */
    @Test
    void rightAfterTheFocusLeavesTheTypedTextIsStillShownAndHeldAsNotADate() throws Exception {
        AtomicReference<String> text = new AtomicReference<>();
        AtomicReference<String> unreadable = new AtomicReference<>();
        AtomicReference<javafx.stage.Stage> stage = new AtomicReference<>();
        AtomicReference<DateField> field = new AtomicReference<>();
        AtomicReference<javafx.scene.control.Button> button = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    DateField f = new DateField();
                    f.setValue(LocalDate.of(2026, 12, 6));
                    javafx.scene.control.Button b = new javafx.scene.control.Button("登记");
                    javafx.stage.Stage s = new javafx.stage.Stage();
                    s.setScene(new Scene(new javafx.scene.layout.VBox(f, b)));
                    s.show();
                    f.requestFocus();
                    stage.set(s);
                    field.set(f);
                    button.set(b);
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
                    field.get().getEditor().selectAll();
                    field.get().getEditor().replaceSelection("2026-02-30");
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
                    button.get().requestFocus(); // the press takes the focus
                    field.get().commitText(); // what the form's filter does when the press arrives
                    text.set(field.get().getEditor().getText());
                    unreadable.set(field.get().unreadableText());
                })
                .get();
        WaitForAsyncUtils.asyncFx(() -> stage.get().close()).get();
        assertEquals("2026-02-30", text.get(), "still shown");
        assertEquals("2026-02-30", unreadable.get(), "held as not a date, so the press is refused naming it");
    }

    /**
     * A marked text emptied in the field, by whatever means (cut from the menu, an input method), is gone with its
     * mark: a tester's cleared 停药日期 stayed red until the next action.
     */
    @Test
    void aMarkedTextEmptiedInTheFieldLosesItsMark() throws Exception {
        AtomicReference<javafx.stage.Stage> stage = new AtomicReference<>();
        AtomicReference<DateField> field = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    DateField f = new DateField();
                    javafx.stage.Stage s = new javafx.stage.Stage();
                    s.setScene(new Scene(new javafx.scene.layout.VBox(f, new javafx.scene.control.Button("开具"))));
                    s.show();
                    f.requestFocus();
                    f.getEditor().setText("2026-02-30");
                    f.commitText();
                    stage.set(s);
                    field.set(f);
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Boolean> markedBefore = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    markedBefore.set(field.get().getPseudoClassStates().contains(FieldMarks.DANGER));
                    field.get().getEditor().setText(""); // emptied without a key the field sees
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Boolean> markedAfter = new AtomicReference<>();
        AtomicReference<String> unreadable = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    markedAfter.set(field.get().getPseudoClassStates().contains(FieldMarks.DANGER));
                    unreadable.set(field.get().unreadableText());
                    stage.get().close();
                })
                .get();
        assertTrue(markedBefore.get(), "marked while it held the text");
        assertEquals(false, markedAfter.get(), "emptied: no mark");
        assertNull(unreadable.get());
    }
}
