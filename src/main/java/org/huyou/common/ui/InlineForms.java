package org.huyou.common.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.huyou.common.Coded;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ValidationException;

/** The small controls inline forms and lists are built from (care file tabs, finance screens), named one way. */
public final class InlineForms {

    private InlineForms() {}

    public static Label heading(String key) {
        Label l = new Label(Messages.t(key));
        l.getStyleClass().add("form-heading");
        return l;
    }

    /**
     * A row of form fields, shown only to those who may use it. A field whose only name is its hint (prompt text) gets
     * its {@link #fieldLabel}: the hint is gone once something is typed, the label stays.
     */
    public static Node row(boolean visible, Node... nodes) {
        FlowPane f = new FlowPane(8, 6);
        for (int i = 0; i < nodes.length; i++) {
            Node n = nodes[i];
            if (i > 0 && nodes[i - 1] instanceof Label before && namesByHint(before, n)) {
                // a label in front already says the hint's name: it names the field, the hint goes (复评间隔（月） was
                // shown twice, once in front and once above the field)
                before.setLabelFor(n);
                withoutRepeatedName(before.getText(), n);
                f.getChildren().add(n);
                continue;
            }
            f.getChildren().add(namedOnlyByHint(n) ? fieldLabel((Control) n) : n);
        }
        // fields under their labels stand lower than a button: all sit on the row's base line
        f.setRowValignment(VPos.BOTTOM);
        // The cursor stays in the form just saved, on its first field, ready for the next entry: the button pressed
        // kept it, and the next Tab went on down the tab (a tester found it in the drug picker, the tab scrolled
        // there). A refusal that put the cursor on the field it names (FieldMarks) keeps it there.
        f.addEventHandler(ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof Button b
                    && !UnreadableDates.isNotASave(b)
                    && b.getScene() != null
                    && b.getScene().getFocusOwner() == b) {
                FormKeys.fields(f).stream().findFirst().ifPresent(Node::requestFocus);
            }
        });
        f.setVisible(visible);
        f.setManaged(visible);
        return f;
    }

    /** The marker of the box {@link #fieldLabel} puts a field in (a form's button is looked for beyond it). */
    public static final String FIELD_LABEL_BOX = "huyou.fieldLabelBox";

    /**
     * A field with its name above it, the name being its hint (prompt text): shown once the field holds something
     * (the hint inside is gone then), its room kept meanwhile so nothing moves as the user types. The label is the
     * field's {@link Label#getLabelFor() label}, which the screen audit looks for on every field with a hint.
     */
    public static Node fieldLabel(Control field) {
        Label l = new Label();
        l.getStyleClass().add("field-label");
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        ObservableValue<?> content;
        if (field instanceof TextInputControl t) {
            l.textProperty().bind(t.promptTextProperty());
            content = t.textProperty();
        } else if (field instanceof ComboBoxBase<?> c) {
            l.textProperty().bind(c.promptTextProperty());
            content = c.valueProperty();
        } else {
            throw new IllegalArgumentException("a field with a hint: " + field);
        }
        l.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            Object v = content.getValue();
                            return v != null && !(v instanceof String s && s.isEmpty());
                        },
                        content));
        VBox box = new VBox(1, l, field);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.getProperties().put(FIELD_LABEL_BOX, Boolean.TRUE);
        return box;
    }

    /**
     * A field that shows a hint and has no other name: once typed in (or chosen), nothing says what it is. A date
     * showing only the format to type ("年-月-日") is not named by it; a search box's text is the query itself.
     */
    private static boolean namedOnlyByHint(Node n) {
        String hint = n instanceof TextInputControl t
                ? t.getPromptText()
                : n instanceof ComboBoxBase<?> c ? c.getPromptText() : null;
        return hint != null
                && !hint.isBlank()
                && !n.getStyleClass().contains(SEARCH_BOX)
                && !(n instanceof DatePicker && hint.equals(Messages.t("date.prompt")));
    }

    /** A label in front that says what the field's hint says (and names no other field yet). */
    private static boolean namesByHint(Label label, Node field) {
        return label.getLabelFor() == null
                && namedOnlyByHint(field)
                && label.getText() != null
                && label.getText()
                        .equals(
                                field instanceof TextInputControl t
                                        ? t.getPromptText()
                                        : ((ComboBoxBase<?>) field).getPromptText());
    }

    /** The style class of a search box (InlineForms.searchBox). */
    public static final String SEARCH_BOX = "search-box";

    /**
     * A box whose text finds or narrows what is listed: its hint says what it searches, and what is typed is the
     * search itself, not a record's input (no label needed, nothing lost by leaving it).
     */
    public static <T extends TextInputControl> T searchBox(T field) {
        field.getStyleClass().add(SEARCH_BOX);
        return TypedInput.notInput(field);
    }

    public static TextField text(String id, String promptKey) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(Messages.t(promptKey));
        return HintWidth.fit(t);
    }

    /** A text field showing and setting a ViewModel's value. */
    public static <T extends TextInputControl> T bound(T field, StringProperty value) {
        field.textProperty().bindBidirectional(value);
        return field;
    }

    public static TextArea area(String id, String promptKey) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setPromptText(Messages.t(promptKey));
        t.setPrefRowCount(3);
        t.setPrefColumnCount(40);
        t.setWrapText(true);
        return t;
    }

    /** A field with its label in front: dates show a value, not their prompt, so they need one. */
    public static Node labelled(String key, Node field) {
        Label l = new Label(Messages.t(key));
        l.setLabelFor(field);
        withoutRepeatedName(l.getText(), field);
        l.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, not its label
        HBox box = new HBox(4, l, field);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMaxHeight(Region.USE_PREF_SIZE); // in a row of taller labelled fields, not stretched off its line
        return box;
    }

    /**
     * A hint that repeats the label beside it says the field's name twice ("执行日期 [执行日期]"): a date field's hint
     * becomes its format, another field's goes.
     */
    private static void withoutRepeatedName(String label, Node field) {
        if (field instanceof DateField d && label.equals(d.getPromptText())) {
            d.setPromptText(Messages.t("date.prompt"));
        } else if (field instanceof TextInputControl t && label.equals(t.getPromptText())) {
            t.setPromptText(null);
        } else if (field instanceof ComboBoxBase<?> c && label.equals(c.getPromptText())) {
            c.setPromptText(null);
        }
    }

    public static DateField date(String id, String promptKey, LocalDate value) {
        DateField d = new DateField();
        d.setPrefWidth(135);
        d.setId(id);
        d.setPromptText(Messages.t(promptKey));
        d.setValue(value);
        return d;
    }

    /** A date field on a ViewModel's date: it shows the ViewModel's value and sets it (ADR 0014). */
    public static DateField boundDate(String id, String promptKey, ObjectProperty<LocalDate> value) {
        DateField d = date(id, promptKey, null);
        d.valueProperty().bindBidirectional(value);
        return d;
    }

    /** A choice of coded values, the first preselected unless {@code initial} says otherwise. */
    @SafeVarargs
    public static <T extends Enum<T> & Coded> ComboBox<T> choice(String id, T initial, T... values) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().addAll(List.of(values));
        c.setConverter(Converters.coded());
        c.setValue(initial == null ? values[0] : initial);
        return c;
    }

    public static <T> TableView<T> table(String id, double height, String placeholderKey) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        t.setPrefHeight(height);
        t.setPlaceholder(new Label(Messages.t(placeholderKey)));
        return t;
    }

    /** The tab's content in a scroll pane, as every care file tab lays out its sections. */
    public static VBox scrolled(Node... sections) {
        VBox content = new VBox(8, sections);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        ScrollIntoView.follow(scroll);
        return new VBox(scroll);
    }

    /** Null for an empty or unreadable number, so the service's check names the field. */
    public static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An amount field's value as {@link org.huyou.common.Money} reads it (null when empty, so a required amount is
     * the service's rule); anything else typed is refused with a sentence that names the field by its label.
     */
    public static BigDecimal amount(TextField field) {
        return amount(field.getId(), field.getPromptText(), field.getText());
    }

    public static BigDecimal amount(String fieldId, String label, String typed) {
        try {
            return Money.parse(typed);
        } catch (Money.NotAnAmount e) {
            throw new ValidationException(List.of(new FieldError(fieldId, "check.notAnAmount", label, typed.strip())));
        }
    }

    /** Clears a field after its text was saved, unless more was typed meanwhile (that is the next entry's). */
    public static void clearIfStill(TextInputControl field, String saved) {
        if (Objects.equals(field.getText(), saved)) {
            field.clear();
        }
    }

    /**
     * A whole-number field's value: -1 when empty (outside every range a service accepts, so its check names the
     * field); anything else that is not a whole number is refused with a sentence naming the field by its label, and
     * the field keeps what was typed.
     */
    public static int whole(TextField field) {
        return whole(field.getId(), field.getPromptText(), field.getText());
    }

    public static int whole(String fieldId, String label, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldError(fieldId, "check.notAWholeNumber", label, t)));
        }
    }

    /** A number field's value (null when empty); text that is not a number is refused as {@link #whole(TextField)}. */
    public static BigDecimal decimal(TextField field) {
        return decimal(field.getId(), field.getPromptText(), field.getText());
    }

    public static BigDecimal decimal(String fieldId, String label, String typed) {
        BigDecimal read = decimal(typed);
        if (read == null && typed != null && !typed.isBlank()) {
            throw new ValidationException(List.of(new FieldError(fieldId, "check.notANumber", label, typed.strip())));
        }
        return read;
    }

    /**
     * An editable whole-number spinner that never throws on text it cannot read and never puts its old value back
     * over it: the typed text stays for {@link #whole(javafx.scene.control.Spinner, String)} to refuse by name.
     */
    public static Spinner<Integer> wholeSpinner(String id, int min, int max, int initial) {
        Spinner<Integer> s = new Spinner<>(min, max, initial);
        s.setId(id);
        s.setEditable(true);
        StringConverter<Integer> strict = s.getValueFactory().getConverter();
        s.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return strict.toString(value);
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return strict.fromString(text == null ? null : text.strip());
                } catch (NumberFormatException e) {
                    return s.getValue(); // unchanged; the save reads the text and says what is wrong with it
                }
            }
        });
        return s;
    }

    /** What a {@link #wholeSpinner} shows, read as typed: letters are refused naming {@code label}. */
    public static int whole(Spinner<Integer> spinner, String label) {
        return whole(spinner.getId(), label, spinner.getEditor().getText());
    }

    /** Null for an empty or unreadable time of day; "9:30" reads as 09:30. */
    public static LocalTime time(String text) {
        try {
            String t = text == null ? "" : text.strip();
            return t.isEmpty() ? null : LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A time-of-day field's value (null when empty); text that is not a time ("25:99") is refused with a sentence
     * naming the field by its label, the text kept, as {@link #decimal(String, String, String)}.
     */
    public static LocalTime time(String fieldId, String label, String typed) {
        LocalTime read = time(typed);
        if (read == null && typed != null && !typed.isBlank()) {
            throw new ValidationException(List.of(new FieldError(fieldId, "check.notATime", label, typed.strip())));
        }
        return read;
    }

    public static String nz(String s) {
        return s == null ? "" : s;
    }

    public static String voidMark(boolean voided, String reason) {
        return voided ? " " + Messages.t("timeline.voided", nz(reason)) : "";
    }
}
