package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.huyou.common.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A field of a form row said its name once: a label in front whose text is the field's hint names it, and the row
 * adds no second name above it (the care plan showed 复评间隔（月） twice).
 */
class InlineFormsRowTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aLabelInFrontThatSaysTheHintNamesTheFieldOnce() throws Exception {
        AtomicReference<List<Label>> named = new AtomicReference<>();
        AtomicReference<Object> labelFor = new AtomicReference<>();
        AtomicReference<String> hint = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    String name = Messages.t("carePlan.reviewMonths");
                    TextField months = InlineForms.text("carePlanMonths", "carePlan.reviewMonths");
                    months.setText("6");
                    Label front = new Label(name);
                    Parent row = (Parent) InlineForms.row(true, front, months);
                    named.set(row.lookupAll(".label").stream()
                            .filter(n -> n instanceof Label l && name.equals(l.getText()))
                            .map(n -> (Label) n)
                            .toList());
                    labelFor.set(front.getLabelFor() == months ? "months" : front.getLabelFor());
                    hint.set(months.getPromptText());
                })
                .get();
        assertEquals(1, named.get().size(), "the name once");
        assertEquals("months", labelFor.get(), "the label in front names the field");
        assertNull(hint.get(), "no hint repeating it");
    }
}
