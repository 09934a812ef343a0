package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Cell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import org.huyou.common.Messages;

/**
 * Text typed into the forms under a node and not saved yet: a half-typed entry of an inline add-form (a care file
 * tab, a donation, a volunteer, a booking...) counts as unsaved, without each form keeping its own flag.
 *
 * <p>What counts as typed: a field's text that differs from what it showed when the user first went into it. Text
 * the screen itself puts into a field while the user is elsewhere (a record loaded, a form cleared after a save) is
 * the new starting point, so only the user's own typing is ever "unsaved". Search and filter boxes are marked
 * {@link #notInput} and never count.
 *
 * <p>Saving fires the form's own save button (the button {@link #savedBy} names, or the only one beside the field)
 * and waits for the background work: the forms clear what they saved, so a field still holding its text afterwards
 * means the save was refused and the screen has said why.
 */
public final class TypedInput implements UnsavedChanges {

    private static final String BASELINE = "huyou.typedInput.baseline";
    private static final String INSTALLED = "huyou.typedInput.installed";
    private static final String NOT_INPUT = "huyou.typedInput.notInput";
    private static final String SAVE_BUTTON = "huyou.typedInput.saveButton";
    /** How far up from a field its form's own button is looked for (a row of fields, its form, the form's box). */
    private static final int FORM_DEPTH = 3;

    private final Node root;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    public TypedInput(Node root, TaskRunner tasks, DialogService dialogs) {
        this.root = root;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /**
     * Starts watching a scene: each text field gets its starting point the moment the user first goes into it, and
     * text set while the user is elsewhere moves that starting point.
     */
    public static void install(Scene scene) {
        if (scene.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return; // once per scene (a dialog's save buttons and the main window both install it)
        }
        watch(scene.getFocusOwner()); // a field focused before the watching began (a dialog's first field)
        scene.focusOwnerProperty().addListener((o, was, is) -> watch(is));
    }

    private static void watch(Node focused) {
        if (focused instanceof TextInputControl t && !t.getProperties().containsKey(BASELINE) && counts(t)) {
            t.getProperties().put(BASELINE, text(t));
            t.textProperty().addListener((ChangeListener<String>) (obs, before, after) -> {
                if (!t.isFocused()) {
                    t.getProperties().put(BASELINE, after == null ? "" : after);
                }
            });
        }
    }

    /** A search or filter box: what is typed there is not a record's input. */
    public static <N extends Node> N notInput(N node) {
        node.getProperties().put(NOT_INPUT, Boolean.TRUE);
        return node;
    }

    /** Names the button that saves the fields under {@code form}, where it is not beside them. */
    public static <N extends Node> N savedBy(N form, Button save) {
        form.getProperties().put(SAVE_BUTTON, save);
        return form;
    }

    /** What the fields under {@code form} show is saved (a form that keeps its values after saving says so). */
    public static void saved(Node form) {
        for (TextInputControl t : fields(form)) {
            if (t.getProperties().containsKey(BASELINE)) {
                t.getProperties().put(BASELINE, text(t));
            }
        }
    }

    @Override
    public boolean isDirty() {
        return !changed().isEmpty();
    }

    /** The fields whose text the user changed. */
    public List<TextInputControl> changed() {
        return fields(root).stream().filter(TypedInput::isChanged).toList();
    }

    @Override
    public void discard() {
        for (TextInputControl t : changed()) {
            String base = (String) t.getProperties().get(BASELINE);
            if (t.isFocused()) {
                root.requestFocus(); // the text put back is the screen's, not typing
            }
            t.setText(base);
            t.getProperties().put(BASELINE, base);
        }
    }

    @Override
    public boolean canSave() {
        return changed().stream().allMatch(t -> buttonFor(t) != null);
    }

    /** The tabs (the innermost around each field) holding changed fields: a screen of several says which. */
    @Override
    public List<String> where() {
        Set<String> tabs = new LinkedHashSet<>();
        for (TextInputControl t : changed()) {
            String tab = tabOf(root, t, null);
            if (tab != null) {
                tabs.add(tab);
            }
        }
        return List.copyOf(tabs);
    }

    /** The text of the innermost tab under {@code n} whose content holds {@code field} ({@code outer} so far). */
    private static String tabOf(Node n, Node field, String outer) {
        if (n == null) {
            return null;
        }
        if (n == field) {
            return outer;
        }
        if (n instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                String inner = tabOf(tab.getContent(), field, tab.getText());
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        List<Node> children = new ArrayList<>();
        if (n instanceof ScrollPane s) {
            children.add(s.getContent());
        } else if (n instanceof TitledPane s) {
            children.add(s.getContent());
        }
        if (n instanceof Parent p) {
            children.addAll(p.getChildrenUnmodifiable());
        }
        for (Node c : children) {
            String found = tabOf(c, field, outer);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public void save(Consumer<Boolean> done) {
        Map<Button, List<TextInputControl>> forms = new LinkedHashMap<>();
        for (TextInputControl t : changed()) {
            Button b = buttonFor(t);
            if (b == null) {
                dialogs.showError(Messages.t("unsaved.noSaveButton"));
                t.requestFocus();
                done.accept(false);
                return;
            }
            forms.computeIfAbsent(b, k -> new ArrayList<>()).add(t);
        }
        saveInTurn(new ArrayList<>(forms.entrySet()), 0, done);
    }

    private void saveInTurn(List<Map.Entry<Button, List<TextInputControl>>> forms, int i, Consumer<Boolean> done) {
        if (i == forms.size()) {
            done.accept(true);
            return;
        }
        Map.Entry<Button, List<TextInputControl>> form = forms.get(i);
        form.getKey().fire();
        afterBackgroundWork(() -> {
            if (form.getValue().stream().anyMatch(TypedInput::isChanged)) {
                done.accept(false); // refused: the form said why and keeps the text
            } else {
                saveInTurn(forms, i + 1, done);
            }
        });
    }

    /** Runs {@code then} once no background work is under way and its results have reached the screen. */
    private void afterBackgroundWork(Runnable then) {
        if (tasks.running().get() == 0) {
            Platform.runLater(then);
            return;
        }
        ChangeListener<Number> idle = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number is) {
                if (is.intValue() == 0) {
                    tasks.running().removeListener(this);
                    Platform.runLater(() -> afterBackgroundWork(then)); // after the finished task's own callback
                }
            }
        };
        tasks.running().addListener(idle);
    }

    private Button buttonFor(TextInputControl field) {
        Parent p = field.getParent();
        if (p != null && p.getProperties().containsKey(InlineForms.FIELD_LABEL_BOX)) {
            p = p.getParent(); // the field and its label: the form is around both
        }
        for (int depth = 0; p != null && depth < FORM_DEPTH; depth++, p = p.getParent()) {
            if (p.getProperties().get(SAVE_BUTTON) instanceof Button b) {
                return b.isDisabled() ? null : b;
            }
            List<Button> buttons = new ArrayList<>();
            buttons(p, buttons);
            if (buttons.size() == 1) {
                return buttons.get(0);
            }
            if (!buttons.isEmpty()) {
                // Several buttons around the field: only a default button is sure to be its form's; guessing could
                // print or export instead of saving.
                List<Button> defaults =
                        buttons.stream().filter(Button::isDefaultButton).toList();
                return defaults.size() == 1 ? defaults.get(0) : null;
            }
            if (p == root) {
                break;
            }
        }
        return null;
    }

    private static void buttons(Node n, List<Button> out) {
        if (n instanceof Button b) {
            if (!b.isDisabled() && b.isVisible()) {
                out.add(b);
            }
        } else if (n instanceof Parent p && !(n instanceof TableView<?>)) {
            p.getChildrenUnmodifiable().forEach(c -> buttons(c, out));
        }
    }

    private static boolean isChanged(TextInputControl t) {
        Object base = t.getProperties().get(BASELINE);
        return base != null && !Objects.equals(base, text(t));
    }

    private static String text(TextInputControl t) {
        return t.getText() == null ? "" : t.getText();
    }

    /** Typing that belongs to a form: not a search box, not a table cell's editor, not a read-only text. */
    private static boolean counts(TextInputControl t) {
        if (!t.isEditable()) {
            return false;
        }
        for (Node n = t; n != null; n = n.getParent()) {
            if (n.getProperties().containsKey(NOT_INPUT) || n instanceof Cell<?>) {
                return false;
            }
        }
        return true;
    }

    private static List<TextInputControl> fields(Node root) {
        Set<TextInputControl> out = new LinkedHashSet<>();
        collect(root, out);
        return new ArrayList<>(out);
    }

    private static void collect(Node n, Set<TextInputControl> out) {
        if (n == null) {
            return;
        }
        if (n instanceof TextInputControl t) {
            if (t.getProperties().containsKey(BASELINE)) {
                out.add(t);
            }
            return;
        }
        if (n instanceof TableView<?>) {
            return; // an editable table's rows are its screen's to track
        }
        if (n instanceof ScrollPane s) {
            collect(s.getContent(), out);
        } else if (n instanceof TitledPane s) {
            collect(s.getContent(), out);
        } else if (n instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                collect(tab.getContent(), out);
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
