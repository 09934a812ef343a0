package org.huyou.common.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;

/**
 * Marks on a form the field a command refused ({@link RefusedField}) with the theme's "danger" state, as
 * {@link DateField} marks an unreadable date, and puts the cursor in it; the mark goes when the field is changed or
 * another field is refused.
 */
public final class FieldMarks {

    /** The theme's "danger" state: the field's border turns red. */
    public static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private FieldMarks() {}

    /** Follows {@code refused} (a control's id) on the controls under {@code form}. */
    public static void follow(Parent form, ObservableStringValue refused) {
        Node[] marked = new Node[1];
        refused.addListener((o, was, id) -> {
            if (marked[0] != null) {
                marked[0].pseudoClassStateChanged(DANGER, false);
                marked[0] = null;
            }
            Node field = id == null || id.isEmpty() ? null : form.lookup("#" + id);
            if (field == null) {
                return;
            }
            field.pseudoClassStateChanged(DANGER, true);
            marked[0] = field;
            field.requestFocus();
            unmarkOnChange(field);
        });
    }

    private static void unmarkOnChange(Node field) {
        Runnable unmark = () -> field.pseudoClassStateChanged(DANGER, false);
        if (field instanceof TextInputControl t) {
            t.textProperty().addListener(new OnceListener(unmark));
        } else if (field instanceof ComboBoxBase<?> c) {
            c.valueProperty().addListener(new OnceListener(unmark));
            if (c instanceof ComboBox<?> typed && typed.isEditable()) {
                typed.getEditor().textProperty().addListener(new OnceListener(unmark));
            }
        } else if (field instanceof CheckBox b) {
            b.selectedProperty().addListener(new OnceListener(unmark));
        }
    }

    /** Runs once on the first change, then stops listening. */
    private static final class OnceListener implements ChangeListener<Object> {
        private final Runnable action;

        OnceListener(Runnable action) {
            this.action = action;
        }

        @Override
        public void changed(ObservableValue<?> o, Object was, Object is) {
            o.removeListener(this);
            action.run();
        }
    }
}
