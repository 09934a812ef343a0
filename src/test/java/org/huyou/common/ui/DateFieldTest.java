package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        }).get();
        assertEquals(day, after.get());
    }

    @Test
    void onceShownTypedTextIsTakenAndUnreadableTextClears() throws Exception {
        AtomicReference<LocalDate> typed = new AtomicReference<>();
        AtomicReference<LocalDate> unreadable = new AtomicReference<>(LocalDate.MIN);
        WaitForAsyncUtils.asyncFx(() -> {
            DateField field = new DateField();
            new Scene(new StackPane(field));
            field.applyCss();
            field.setValue(LocalDate.of(2026, 1, 1));
            field.getEditor().setText("2024/3/5");
            field.commitText();
            typed.set(field.getValue());
            field.getEditor().setText("3月的某天");
            field.commitText();
            unreadable.set(field.getValue());
        }).get();
        assertEquals(LocalDate.of(2024, 3, 5), typed.get());
        assertNull(unreadable.get());
    }
}
