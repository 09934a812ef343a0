package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.huyou.common.FieldError;
import org.huyou.common.ValidationException;

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

    /**
     * The notices of a form's ViewModel that also mark the field a refusal names, under {@code form}: the field whose
     * id is the refused field's name (a number read by InlineForms), else the one whose label, or hint, is the name
     * the sentence starts with ("说明：不能超过 2000 个字。" marks the field labelled 说明). The mark goes when the field is
     * changed, or with the next refusal. Every form whose fields carry a label gets this without a map of its fields.
     */
    public static Notices marking(Supplier<? extends Node> form, Notices notices) {
        Node[] marked = new Node[1];
        return new Notices() {
            @Override
            public void notifySuccess(String text) {
                notices.notifySuccess(text);
            }

            @Override
            public void notifyWithAction(String text, String actionLabel, Runnable action, double seconds) {
                notices.notifyWithAction(text, actionLabel, action, seconds);
            }

            @Override
            public void showError(Throwable t) {
                if (marked[0] != null) {
                    marked[0].pseudoClassStateChanged(DANGER, false);
                    marked[0] = null;
                }
                Node root = form.get();
                if (root != null
                        && t instanceof ValidationException invalid
                        && !invalid.errors().isEmpty()) {
                    Node field = named(root, invalid.errors().get(0));
                    if (field != null) {
                        field.pseudoClassStateChanged(DANGER, true);
                        marked[0] = field;
                        unmarkOnChange(field);
                        field.requestFocus();
                    }
                }
                notices.showError(t);
            }
        };
    }

    /** A control of a form: its id and the label it is shown with. */
    public record FormField(String id, String label) {}

    /**
     * A service's refusal as a form shows it, for {@link #marking}: each error's field becomes the control's id, and a
     * sentence that does not name its field itself ("这个密码太常见…") is named by the control's label ("密码：这个密码太常见…"),
     * as {@link org.huyou.common.Checks} words its own. {@code fields}: the service's field names to the form's
     * controls; anything else is returned as it is.
     */
    public static Throwable onForm(Throwable t, Map<String, FormField> fields) {
        if (!(t instanceof ValidationException invalid)) {
            return t;
        }
        List<FieldError> named = new ArrayList<>();
        for (FieldError e : invalid.errors()) {
            FormField f = fields.get(e.field());
            if (f == null) {
                named.add(e);
            } else if (e.message().startsWith(f.label())) {
                named.add(new FieldError(f.id(), e.messageKey(), e.args()));
            } else {
                named.add(new FieldError(f.id(), "form.fieldProblem", f.label(), e.message()));
            }
        }
        return new ValidationException(named);
    }

    /** The control under {@code root} that {@code error} is about, or null. */
    static Node named(Node root, FieldError error) {
        if (error.field() != null && !error.field().isBlank()) {
            Node byId = root.lookup("#" + error.field());
            if (byId instanceof Control) {
                return byId;
            }
        }
        if (error.args().length == 0 || !(error.args()[0] instanceof String name) || name.isBlank()) {
            return null;
        }
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Label l
                    && l.getLabelFor() != null
                    && l.getText() != null
                    && name.equals(UnreadableDates.withoutMarks(l.getText()))) {
                return l.getLabelFor() instanceof Parent box && !(box instanceof Control)
                        ? firstControl(box)
                        : l.getLabelFor();
            }
        }
        for (Node n : root.lookupAll("*")) {
            if (n instanceof TextInputControl t && name.equals(t.getPromptText())
                    || n instanceof ComboBoxBase<?> c && name.equals(c.getPromptText())) {
                return n;
            }
        }
        return null;
    }

    private static Node firstControl(Parent box) {
        for (Node c : box.getChildrenUnmodifiable()) {
            if (c instanceof Control) {
                return c;
            }
        }
        return null;
    }

    private static void unmarkOnChange(Node field) {
        Runnable unmark = () -> field.pseudoClassStateChanged(DANGER, false);
        if (field instanceof TextInputControl t) {
            t.textProperty().addListener(new OnceListener(unmark));
        } else if (field instanceof ComboBoxBase<?> c) {
            c.valueProperty().addListener(new OnceListener(unmark));
            if (c instanceof ComboBox<?> typed && typed.isEditable()) {
                typed.getEditor().textProperty().addListener(new OnceListener(unmark));
            } else if (c instanceof DatePicker date) {
                date.getEditor().textProperty().addListener(new OnceListener(unmark)); // emptied, not yet committed
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
