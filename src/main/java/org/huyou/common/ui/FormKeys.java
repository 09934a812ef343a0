package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import org.huyou.common.Messages;

/**
 * The keyboard on a form, the same on every form: Tab goes through the fields in the order they are laid out, Enter
 * in a one-line field goes on to the next field and in the last one saves, Ctrl+S saves from anywhere in the form,
 * Esc cancels (where there is a way to cancel). A multi-line field keeps Enter for its new lines, and a field that
 * acts on Enter itself (a search box) keeps it too.
 */
public final class FormKeys {

    public static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private FormKeys() {}

    /** As {@link #install(Parent, ButtonBase, ButtonBase)} without a way to cancel (a form inside a screen). */
    public static <T extends Parent> T install(T form, ButtonBase save) {
        return install(form, save, null);
    }

    /**
     * Gives {@code form} the keyboard described above; {@code save} is pressed for Enter in the last field and for
     * Ctrl+S (only while enabled and shown), {@code cancel} (may be null) for Esc. Returns the form.
     */
    public static <T extends Parent> T install(T form, ButtonBase save, ButtonBase cancel) {
        inVisualOrder(form);
        if (save != null) {
            saveShortcut(form, save);
        }
        form.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && cancel != null) {
                e.consume();
                press(cancel);
            }
        });
        // A handler, not a filter: a field's own use of Enter (a date committed, a search run) comes first.
        form.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER
                    || e.isShortcutDown()
                    || e.isAltDown()
                    || e.isShiftDown()
                    || !(e.getTarget() instanceof Node target)) {
                return;
            }
            Control field = fieldOf(target, form);
            if (field == null) {
                return;
            }
            List<Control> fields = fields(form);
            int i = fields.indexOf(field);
            if (i >= 0 && i < fields.size() - 1) {
                e.consume();
                fields.get(i + 1).requestFocus();
            } else if (save != null) {
                e.consume();
                press(save);
            }
        });
        return form;
    }

    /**
     * Ctrl+S presses {@code save} from anywhere in {@code area} (a screen that is a table rather than a form, the
     * shift log): caught before the focused control, so a cell being typed in saves too (its text is kept first by
     * the save, see {@link EditableCells#commitPendingEdits()}).
     */
    public static void saveShortcut(Node area, ButtonBase save) {
        if (save.getTooltip() == null) {
            save.setTooltip(new Tooltip(Messages.t("form.saveShortcut", save.getText())));
        }
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                press(save);
            }
        });
    }

    /**
     * Enter in any of {@code fields} (a filter's dates) presses {@code search}, as its button does: the field takes
     * what is typed first (a handler, after the date picker's own use of Enter), and a date typed unreadably is
     * refused as the button's press is ({@link UnreadableDates}).
     */
    public static void searchOnEnter(ButtonBase search, Node... fields) {
        for (Node field : fields) {
            field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                    e.consume();
                    press(search);
                }
            });
        }
    }

    /**
     * Puts the keyboard's focus on the form's first field once it is shown (a dialog just opened), unless the form
     * already put it on a field of its choice.
     */
    public static void focusFirst(Parent form) {
        Platform.runLater(() -> {
            List<Control> fields = fields(form);
            Node owner = form.getScene() == null ? null : form.getScene().getFocusOwner();
            if (fields.stream().noneMatch(f -> isInside(owner, f))) {
                fields.stream().findFirst().ifPresent(Node::requestFocus);
            }
        });
    }

    private static boolean isInside(Node n, Node field) {
        for (Node up = n; up != null; up = up.getParent()) {
            if (up == field) {
                return true;
            }
        }
        return false;
    }

    /** The form's fields Enter moves through, in the order Tab visits them. */
    static List<Control> fields(Parent form) {
        List<Control> out = new ArrayList<>();
        collect(form, out);
        return out;
    }

    private static void collect(Parent p, List<Control> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.isDisabled()) {
                continue;
            }
            if (n instanceof TextInputControl t && t.isEditable() && t.isFocusTraversable()) {
                out.add(t);
            } else if (n instanceof ComboBoxBase<?> c && n.isFocusTraversable()) {
                out.add(c);
            } else if (n instanceof Parent child && !(n instanceof Control)) {
                collect(child, out);
            } else if (n instanceof ScrollPane sp && sp.getContent() instanceof Parent content) {
                collect(content, out);
            } else if (n instanceof TitledPane tp && tp.getContent() instanceof Parent content) {
                collect(content, out);
            }
        }
    }

    /**
     * The one-line field (or the date picker / combo box whose editor it is) that Enter was typed into, or null:
     * multi-line text, buttons, tables and lists keep Enter for themselves.
     */
    private static Control fieldOf(Node target, Parent form) {
        for (Node n = target; n != null && n != form; n = n.getParent()) {
            if (n instanceof ComboBoxBase<?> c) {
                return c.isShowing() ? null : c;
            }
            if (n instanceof TextField t) {
                Node up = t.getParent();
                while (up != null && up != form && !(up instanceof ComboBoxBase<?>)) {
                    up = up.getParent();
                }
                return up instanceof ComboBoxBase<?> c ? (c.isShowing() ? null : c) : t;
            }
            if (n instanceof Control) {
                return null; // a text area, a button, a table: not ours
            }
        }
        return null;
    }

    private static void press(ButtonBase b) {
        if (!b.isDisabled() && b.isVisible() && b.getScene() != null) {
            b.fire();
        }
    }

    /**
     * A grid's children in the order of their rows and columns: Tab follows the order children were added, and a
     * field added to a row above later (an error label, a field shown on a choice) would otherwise be visited last.
     */
    private static void inVisualOrder(Parent form) {
        if (form instanceof GridPane g) {
            List<Node> sorted = new ArrayList<>(g.getChildren());
            sorted.sort(Comparator.comparingInt((Node n) -> index(GridPane.getRowIndex(n)))
                    .thenComparingInt(n -> index(GridPane.getColumnIndex(n))));
            if (!sorted.equals(g.getChildren())) {
                g.getChildren().setAll(sorted);
            }
        }
        for (Node n : form.getChildrenUnmodifiable()) {
            if (n instanceof Parent p && !(n instanceof Control)) {
                inVisualOrder(p);
            }
        }
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }
}
