package org.huyou.common.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.huyou.common.Messages;

/**
 * A form laid out as people expect: labels on the left, fields aligned, required ones marked with *, group headings,
 * and each field's problem in words right beside it.
 */
public final class FormGrid extends GridPane {

    public static final String ERROR_STYLE = "field-error";
    private int row;

    public FormGrid() {
        setHgap(10);
        setVgap(6);
        setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        // as wide as the longest label, never narrower: a fixed minimum let a narrow dialog squeeze the column and
        // push "Household registration" out to the left, unreadable
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.SOMETIMES);
        fields.setMinWidth(280);
        ColumnConstraints errors = new ColumnConstraints();
        errors.setHgrow(Priority.ALWAYS);
        errors.setMinWidth(120);
        getColumnConstraints().addAll(labels, fields, errors);
    }

    public void heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-heading");
        GridPane.setMargin(l, new Insets(row == 0 ? 0 : 10, 0, 2, 0));
        GridPane.setHalignment(l, HPos.LEFT);
        add(l, 0, row++, 3, 1);
    }

    /** Adds a labelled field; the returned label shows {@code error} and is hidden while it is empty. */
    public Label field(String label, boolean required, Node control, StringProperty error) {
        Label l = new Label(required ? label + " *" : label);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE); // a label is never cut: the field gives way, not the label
        Label e = new Label();
        e.getStyleClass().add(ERROR_STYLE);
        e.setWrapText(true);
        e.setMaxWidth(320);
        if (error != null) {
            e.textProperty().bind(Bindings.createStringBinding(() -> naming(label, error.get()), error));
            e.visibleProperty().bind(error.isNotEmpty());
            e.managedProperty().bind(e.visibleProperty());
            clearOnChange(control, error);
        }
        add(l, 0, row);
        add(control, 1, row);
        add(e, 2, row);
        row++;
        return e;
    }

    /** The label of a field added with {@link #field}, to show or hide it with its field. */
    public Label labelOf(Node control) {
        return getChildren().stream()
                .filter(n -> n instanceof Label l && l.getLabelFor() == control)
                .map(Label.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** The problem as a sentence that names the field, whether or not the message already did. */
    static String naming(String label, String problem) {
        if (problem == null || problem.isEmpty() || label == null || label.isBlank() || problem.startsWith(label)) {
            return problem == null ? "" : problem;
        }
        return Messages.t("form.fieldProblem", label, problem);
    }

    /**
     * A problem shown beside a field goes as soon as the user changes the field: what they typed is judged again
     * when they leave it or save, not left under a stale sentence.
     */
    static void clearOnChange(Node control, StringProperty error) {
        ChangeListener<Object> clear = (o, a, b) -> {
            if (!error.isBound() && !error.get().isEmpty()) {
                error.set("");
            }
        };
        if (control instanceof TextInputControl t) {
            t.textProperty().addListener(clear);
        } else if (control instanceof ComboBoxBase<?> c) {
            c.valueProperty().addListener(clear);
            if (c instanceof DatePicker d) {
                d.getEditor().textProperty().addListener(clear);
            }
        } else if (control instanceof CheckBox c) {
            c.selectedProperty().addListener(clear);
        } else if (control instanceof Parent p) {
            // a group of controls in one row (radio buttons, a field with a button): any of them
            for (Node child : p.getChildrenUnmodifiable()) {
                clearOnChange(child, error);
            }
        }
    }
}
