package org.huyou.common.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;

/**
 * Someone else saved a record while it was being edited here: their values beside the user's, field by field, each
 * with a choice of which to keep. Nothing typed here is lost by looking; the result is the set of fields taken from
 * the other save, or empty when the user goes back to the form.
 */
public final class ConflictDialog {

    /** One field shown: its label, both values as text, and which side the merge takes unless changed. */
    public record Row(
            String field, String label, String mine, String theirs, boolean bothChanged, boolean theirsByDefault) {}

    private ConflictDialog() {}

    public static Optional<Set<String>> ask(DialogService dialogs, String savedBy, Object savedAt, List<Row> rows) {
        Dialog<Set<String>> dialog = dialogs.dialog();
        String title = Messages.t("conflict.title");
        dialog.setTitle(title);
        dialog.setHeaderText(Messages.t("conflict.header", savedBy, savedAt));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("conflictDialog");

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        grid.setPadding(new Insets(4));
        grid.addRow(
                0,
                bold(Messages.t("conflict.field")),
                bold(Messages.t("conflict.mine")),
                bold(Messages.t("conflict.theirs", savedBy)));
        Set<String> takeTheirs = new HashSet<>();
        int line = 1;
        for (Row row : rows) {
            Label label = new Label(row.label());
            if (row.bothChanged()) {
                label.setGraphic(Icons.WARNING.icon());
                label.getStyleClass().add("resident-warning");
                label.setTooltip(new Tooltip(Messages.t("conflict.bothChanged")));
            }
            ToggleGroup choice = new ToggleGroup();
            RadioButton mine = option(row.mine(), choice, row.field() + "Mine");
            RadioButton theirs = option(row.theirs(), choice, row.field() + "Theirs");
            (row.theirsByDefault() ? theirs : mine).setSelected(true);
            if (row.theirsByDefault()) {
                takeTheirs.add(row.field());
            }
            theirs.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    takeTheirs.add(row.field());
                } else {
                    takeTheirs.remove(row.field());
                }
            });
            grid.addRow(line++, label, mine, theirs);
        }
        Label explanation = new Label(Messages.t("conflict.explanation"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(640);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(360, 40 + 36 * rows.size()));
        dialog.getDialogPane().setContent(new VBox(12, explanation, scroll));
        dialog.getDialogPane().setPrefWidth(720);

        ButtonType merge = new ButtonType(Messages.t("conflict.mergeAndSave"), ButtonBar.ButtonData.OK_DONE);
        ButtonType back = new ButtonType(Messages.t("conflict.backToForm"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(merge, back);
        dialog.getDialogPane().lookupButton(merge).setId("conflictMerge");
        dialog.getDialogPane().lookupButton(back).setId("conflictBack");
        dialog.setResultConverter(b -> b == merge ? Set.copyOf(takeTheirs) : null);
        return dialog.showAndWait();
    }

    private static RadioButton option(String text, ToggleGroup group, String id) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setWrapText(true);
        b.setMaxWidth(280);
        return b;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
