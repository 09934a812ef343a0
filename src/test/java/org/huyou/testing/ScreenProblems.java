package org.huyou.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import org.huyou.common.Messages;

/**
 * What the screen audit finds wrong on a screen: a text shown cut or a word broken to wrap it, a control outside the
 * window, a field named only by its hint, a table without a placeholder, a chart left no room for its bars. Shared by
 * the audit and the focused tests of states the audit does not reach (a candidate's reason, a chosen value).
 */
public final class ScreenProblems {

    private ScreenProblems() {}

    /** The problems of {@code scene} as laid out now; on the JavaFX thread. */
    public static List<String> of(Scene scene) {
        List<String> problems = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(scene.getRoot(), false, null, scene.getWidth(), scene.getHeight(), problems);
        unnamedFields(scene.getRoot(), problems);
        problems.addAll(coveredByNotices(scene));
        return problems.stream().distinct().collect(Collectors.toList());
    }

    /** The notices (ControlsFX popups) showing over {@code window} now, in screen coordinates. */
    public static List<Bounds> notices(javafx.stage.Window window) {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow p
                        && p.isShowing()
                        && p.getOwnerWindow() == window
                        && p.getScene() != null
                        && p.getScene().getRoot().lookup(".notification-bar") != null)
                .map(w -> (Bounds) new javafx.geometry.BoundingBox(w.getX(), w.getY(), w.getWidth(), w.getHeight()))
                .toList();
    }

    /**
     * Buttons and inputs of the page a notice lies over: shown, enabled, and the part of them in view (a scroll
     * pane's or a clip's hidden part is not covered). A notice over 作废 took the click meant for it.
     */
    public static List<String> coveredByNotices(Scene scene) {
        List<Bounds> notices = scene.getWindow() == null ? List.of() : notices(scene.getWindow());
        List<String> problems = new ArrayList<>();
        if (!notices.isEmpty()) {
            covered(scene.getRoot(), null, notices, problems);
        }
        return problems;
    }

    private static void covered(Node node, Bounds view, List<Bounds> notices, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0 || node.isDisabled()) {
            return;
        }
        Bounds b = node.localToScreen(node.getLayoutBounds());
        if (b == null) {
            return;
        }
        Bounds seen = view == null ? b : cut(b, view);
        if (seen != null
                && (node instanceof javafx.scene.control.ButtonBase
                        || node instanceof javafx.scene.control.TextInputControl
                        || node instanceof javafx.scene.control.ComboBoxBase<?>
                        || node instanceof javafx.scene.control.ChoiceBox<?>
                        || node instanceof javafx.scene.control.Spinner<?>
                        || node instanceof javafx.scene.control.Slider)) {
            for (Bounds notice : notices) {
                Bounds over = cut(seen, notice);
                if (over != null && over.getWidth() > 1 && over.getHeight() > 1) {
                    problems.add(String.format(
                            "a notice (%.0f,%.0f–%.0f,%.0f) lies over %s (%.0f,%.0f–%.0f,%.0f)",
                            notice.getMinX(),
                            notice.getMinY(),
                            notice.getMaxX(),
                            notice.getMaxY(),
                            describe(node),
                            seen.getMinX(),
                            seen.getMinY(),
                            seen.getMaxX(),
                            seen.getMaxY()));
                    return;
                }
            }
            return; // its own parts (a choice box's editor) are the same control
        }
        if (node instanceof Parent parent) {
            Bounds inner = view;
            if (node.getClip() != null || node instanceof ScrollPane) {
                Node v = node instanceof ScrollPane ? node.lookup(".viewport") : node;
                Bounds clip = v == node && node.getClip() != null
                        ? node.localToScreen(node.getClip().getBoundsInParent())
                        : v.localToScreen(v.getLayoutBounds());
                inner = inner == null ? clip : cut(inner, clip);
                if (inner == null) {
                    return; // scrolled out of view entirely
                }
            }
            for (Node child : parent.getChildrenUnmodifiable()) {
                covered(child, inner, notices, problems);
            }
        }
    }

    /** The overlap of two boxes, or null when they do not meet. */
    private static Bounds cut(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY
                ? null
                : new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * Checks one node and what it shows; {@code clipped}: a scroll pane or a clip above may hide part of it;
     * {@code viewport}: the scene bounds of the nearest scroll pane's view, or null.
     */
    private static void walk(
            Node node, boolean clipped, Bounds viewport, double width, double height, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            cut(labeled).ifPresent(problems::add);
            // Pushed out to the left of a scroll pane's view: unreachable, as no scroll bar goes left of its start
            // (a form's label squeezed by its column read "sehold registration").
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (viewport != null
                    && labeled.getText() != null
                    && !labeled.getText().isBlank()
                    && b.getWidth() > 0
                    && b.getMinX() < viewport.getMinX() - 1) {
                problems.add(describe(labeled) + " is cut at its left edge by the view it scrolls in");
            }
        }
        if (node instanceof javafx.scene.control.TextField field) {
            cutPrompt(field).ifPresent(problems::add);
        }
        if (node instanceof Text wrapping
                && !node.getClass().getSimpleName().equals("LabeledText") // a label's own: checked with the label
                && wrapping.getWrappingWidth() > 0
                && wrapping.getText() != null
                && wrapping.getWrappingWidth() + 0.5
                        < org.huyou.common.ui.WholeWords.longestWord(wrapping.getText(), wrapping.getFont())) {
            // a wrapped table cell's text (Columns.wrapped) narrower than a word: "Administrato" over "r"
            problems.add(describe(node) + " breaks a word of \"" + wrapping.getText() + "\" to wrap it");
        }
        if ((node instanceof TableView<?> t && t.getPlaceholder() == null)
                || (node instanceof TreeTableView<?> tt && tt.getPlaceholder() == null)) {
            problems.add(describe(node) + " has no placeholder: an empty table says \"No content in table\"");
        }
        if (node instanceof javafx.scene.chart.XYChart<?, ?> chart) {
            // long category names turned upright take the height from the bars ("by category" in English)
            Node plot = chart.lookup(".chart-plot-background");
            if (plot != null && plot.getLayoutBounds().getHeight() < 100) {
                problems.add(String.format(
                        "%s leaves its plot %.0f px of height",
                        describe(chart), plot.getLayoutBounds().getHeight()));
            }
        }
        if (node instanceof javafx.scene.chart.Axis<?> axis) {
            overlappingTicks(axis).ifPresent(problems::add);
        }
        if (node instanceof javafx.scene.control.ComboBox<?> box && !box.isEditable()) {
            // every choice, not only the one shown: "Individual" was cut once chosen, never in the audit's state
            narrowerThanAChoice(box).ifPresent(problems::add);
            blankPrompt(box).ifPresent(problems::add);
        }
        if (node instanceof TabPane tabs) {
            Node chevron = tabs.lookup(".control-buttons-tab");
            if (chevron != null
                    && chevron.isVisible()
                    && chevron.getParent() != null
                    && chevron.getParent().isVisible()) {
                problems.add(describe(tabs) + " hides tabs behind its overflow chevron");
            }
        }
        if (node instanceof Control && !clipped) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0
                    && b.getHeight() > 0
                    && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > width + 1 || b.getMaxY() > height + 1)) {
                problems.add(String.format(
                        "%s lies outside the window (%.0f,%.0f–%.0f,%.0f)",
                        describe(node), b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
                return;
            }
        }
        if (node instanceof Parent parent) {
            boolean below = clipped || node.getClip() != null || node instanceof ScrollPane;
            Bounds view = viewport;
            Node v = node instanceof ScrollPane ? node.lookup(".viewport") : null;
            if (v != null) {
                view = v.localToScene(v.getLayoutBounds());
            }
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, below, view, width, height, problems);
            }
        }
    }

    /**
     * A field shown whose only name is its hint (prompt text): once typed in, nothing on screen says what it holds.
     * Named: a label says it is for the field or for the box the field sits in (InlineForms.fieldLabel, labelled,
     * FormGrid), or the field's text is never its own (the cells of a table).
     */
    private static void unnamedFields(Node root, List<String> problems) {
        // a field's label may wait hidden until the field is typed in (InlineForms.fieldLabel): all labels count
        List<javafx.scene.control.Label> labels = new ArrayList<>();
        root.lookupAll(".label").forEach(n -> {
            if (n instanceof javafx.scene.control.Label l) {
                labels.add(l);
            }
        });
        Set<Node> named = labels.stream()
                .map(javafx.scene.control.Label::getLabelFor)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<Control> fields = new ArrayList<>();
        collectShown(root, Control.class, fields);
        for (Control c : fields) {
            String hint = c instanceof javafx.scene.control.TextInputControl t && t.isEditable()
                    ? t.getPromptText()
                    : c instanceof javafx.scene.control.ComboBoxBase<?> b ? b.getPromptText() : null;
            // a date's "年-月-日" names no field; a search box's text is the search itself
            if (hint == null
                    || hint.isBlank()
                    || insideCell(c)
                    || hint.equals(Messages.t("date.prompt"))
                    || c.getStyleClass().contains(org.huyou.common.ui.InlineForms.SEARCH_BOX)) {
                continue;
            }
            boolean isNamed = false;
            for (Node n = c; n != null && !isNamed; n = n.getParent()) {
                isNamed = named.contains(n);
            }
            // the hint shows only in an empty field (a field's label above it shows only once it holds something)
            boolean hintShown = c instanceof javafx.scene.control.TextInputControl t
                    ? t.getText() == null || t.getText().isEmpty()
                    : c instanceof javafx.scene.control.ComboBoxBase<?> b && b.getValue() == null;
            for (javafx.scene.control.Label l : labels) {
                if (hintShown && l.getLabelFor() == c && l.isVisible() && hint.equals(l.getText())) {
                    problems.add(
                            describe(c) + " says its name twice: its label and its hint both read \"" + hint + "\"");
                }
            }
            if (!isNamed) {
                problems.add(describe(c) + " is named only by its hint \"" + hint + "\": lost once typed in");
            }
            // the medical tab's and the documents' fields have labels in front, shown empty or not (testers missed
            // a name over the field, shown only once typed in): one field of each form stands for its row
            if (c.getId() != null
                    && LABELLED_IN_FRONT.contains(c.getId())
                    && labels.stream().noneMatch(l -> l.isVisible() && labelsBox(l, c))) {
                problems.add(describe(c) + " has no label in front of it, only a name shown once typed in");
            }
        }
    }

    /** Fields whose forms name every field by a label in front (InlineForms.labelled). */
    private static final Set<String> LABELLED_IN_FRONT = Set.of("allergySubstance", "medicalTitle", "documentTitle");

    private static boolean labelsBox(javafx.scene.control.Label l, Node field) {
        for (Node n = field; n != null; n = n.getParent()) {
            if (l.getLabelFor() == n) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideCell(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.IndexedCell<?>
                    || p instanceof javafx.scene.control.ComboBoxBase<?> && p != n) {
                return true; // a table's cell editor, or a choice box's own editor
            }
        }
        return false;
    }

    /** Every node of {@code type} shown (visible, with its parents) under {@code node}, nested ones included. */
    private static <T> void collectShown(Node node, Class<T> type, List<T> into) {
        if (!node.isVisible()) {
            return;
        }
        if (type.isInstance(node)) {
            into.add(type.cast(node));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectShown(child, type, into);
            }
        }
    }

    /** A labeled whose displayed text differs from its text (an ellipsis, or a missing part). */
    private static java.util.Optional<String> cut(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isBlank() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return java.util.Optional.empty();
        }
        // the skin's text node, not a graphic (an icon is a Text too)
        Text shown = labeled.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text
                        && n != labeled.getGraphic()
                        && n.getClass().getSimpleName().equals("LabeledText"))
                .map(Text.class::cast)
                .findFirst()
                .orElse(null);
        if (shown == null || !shown.isVisible()) {
            return java.util.Optional.empty();
        }
        String expected = labeled.isMnemonicParsing() ? withoutMnemonic(text) : text;
        if (shown.getWrappingWidth() > 0
                && shown.getWrappingWidth() + 0.5 < org.huyou.common.ui.WholeWords.longestWord(text, shown.getFont())) {
            // wrapped narrower than a word: JavaFX breaks the word itself ("Administra" over "tor")
            return java.util.Optional.of(describe(labeled) + " breaks a word of \"" + text + "\" to wrap it");
        }
        if (shown.getText().equals(expected)) {
            return java.util.Optional.empty();
        }
        if (labeled instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
            return java.util.Optional.of(
                    "cells of column \"" + cell.getTableColumn().getText() + "\" are cut");
        }
        return java.util.Optional.of(describe(labeled) + " shows \"" + shown.getText() + "\" of \"" + text + "\"");
    }

    /** An empty field whose hint (its prompt text) is wider than the field: the user sees only its start. */
    private static java.util.Optional<String> cutPrompt(javafx.scene.control.TextField field) {
        String prompt = field.getPromptText();
        if (prompt == null || prompt.isBlank() || !field.getText().isEmpty() || field.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        Text measured = new Text(prompt);
        measured.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        if (measured.getLayoutBounds().getWidth() <= room + 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(
                "%s hint \"%s\" is cut (%.0f of %.0f px)",
                describe(field), prompt, room, measured.getLayoutBounds().getWidth()));
    }

    private static String withoutMnemonic(String text) {
        int i = text.indexOf('_');
        return i >= 0 && i < text.length() - 1 ? text.substring(0, i) + text.substring(i + 1) : text;
    }

    private static String describe(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : "";
        String text = node instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
        return node.getClass().getSimpleName() + id + text;
    }

    /** Tick labels of an axis drawn over each other: the English chart's category names ran together. */
    private static java.util.Optional<String> overlappingTicks(javafx.scene.chart.Axis<?> axis) {
        List<Text> ticks = new ArrayList<>();
        collectShown(axis, Text.class, ticks);
        List<Bounds> shown = ticks.stream()
                .filter(t -> t.getText() != null && !t.getText().isBlank())
                .map(t -> t.localToScene(t.getLayoutBounds()))
                .toList();
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                Bounds a = shown.get(i);
                Bounds b = shown.get(j);
                double across = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double down = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (across > 1 && down > 1) {
                    return java.util.Optional.of(String.format(
                            "%s draws its labels \"%s\" and \"%s\" over each other",
                            describe(axis), ticks.get(i).getText(), ticks.get(j).getText()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Choice boxes under {@code root} left unchosen that show nothing where their hint (请选择) belongs: a form
     * started again after a save showed its severity blank, as if there were nothing to choose. On the JavaFX thread.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<String> blankPrompts(Node root) {
        List<javafx.scene.control.ComboBox<?>> boxes = new ArrayList<>();
        collectShown(root, javafx.scene.control.ComboBox.class, (List) boxes);
        List<String> problems = new ArrayList<>();
        boxes.forEach(b -> blankPrompt(b).ifPresent(problems::add));
        return problems;
    }

    private static java.util.Optional<String> blankPrompt(javafx.scene.control.ComboBox<?> box) {
        String prompt = box.getPromptText();
        if (box.isEditable() || box.getValue() != null || prompt == null || prompt.isBlank() || box.getSkin() == null) {
            return java.util.Optional.empty();
        }
        // the cell as shown: the skin's getDisplayNode() would refresh it first, hiding what the user saw
        javafx.scene.control.ListCell<?> cell = box.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?>)
                .map(n -> (javafx.scene.control.ListCell<?>) n)
                .findFirst()
                .orElse(null);
        if (cell == null || prompt.equals(cell.getText())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                describe(box) + " unchosen shows \"" + cell.getText() + "\", not its hint \"" + prompt + "\"");
    }

    /** A choice box whose shown value has less room than one of its choices needs. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Optional<String> narrowerThanAChoice(javafx.scene.control.ComboBox box) {
        if (!(box.getSkin() instanceof javafx.scene.control.skin.ComboBoxBaseSkin<?> skin)
                || !(skin.getDisplayNode() instanceof javafx.scene.control.ListCell<?> cell)
                || cell.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
        if (cell.getGraphic() != null) {
            room -= cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap();
        }
        javafx.util.StringConverter converter = box.getConverter();
        for (Object item : box.getItems()) {
            String text = converter == null ? String.valueOf(item) : converter.toString(item);
            if (text == null || text.isBlank()) {
                continue;
            }
            Text measured = new Text(text);
            measured.setFont(cell.getFont());
            double needs = measured.getLayoutBounds().getWidth();
            if (needs > room + 1) {
                return java.util.Optional.of(String.format(
                        "%s shows its choice \"%s\" cut (%.0f of %.0f px)", describe(box), text, room, needs));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A table whose columns reach past its right edge: what stands there is read only by scrolling sideways (the
     * reason a volunteer may not take a shift, widened to its longest sentence, stood off the screen). Not part of
     * {@link #of}: a wide register scrolling sideways is by design (FittedTableSkin); asked of tables of sentences.
     */
    public static java.util.Optional<String> sideways(TableView<?> table) {
        if (table.getWidth() <= 0 || table.getItems().isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean scrolls = table.lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && bar.isVisible()
                        && bar.getParent() != null
                        && bar.getParent().isVisible()
                        && bar.getMax() > bar.getMin());
        if (!scrolls) {
            return java.util.Optional.empty();
        }
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        double right = 0;
        for (javafx.scene.control.TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            right += c.getWidth();
            if (right > room + 1) {
                return java.util.Optional.of(String.format(
                        "%s shows column \"%s\" only when scrolled sideways (%.0f of %.0f px)",
                        describe(table), c.getText(), room, right));
            }
        }
        return java.util.Optional.empty();
    }
}
