package org.huyou.common.ui;

import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.huyou.common.Messages;
import org.huyou.common.io.ImportProblem;

/**
 * The import screen of every register: a file (typed or chosen), the column mapping, Preview, the report table, and
 * Import once the file is clean.
 */
public final class ImportDialog {

    private final Dialog<Void> dialog;
    private final ImportViewModel<?> vm;

    public ImportDialog(ImportViewModel<?> vm, DialogService dialogs, Runnable onImported) {
        this(vm, dialogs, onImported, null);
    }

    /**
     * With {@code extra} (what a register needs besides the file, e.g. the staff list's first password) shown above
     * the report.
     */
    public ImportDialog(ImportViewModel<?> vm, DialogService dialogs, Runnable onImported, Node extra) {
        this.vm = vm;
        dialog = dialogs.dialog();
        dialog.setTitle(vm.title());
        dialog.setHeaderText(vm.title());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("importDialog");

        TextField path = new TextField();
        path.setId("importPath");
        path.textProperty().bindBidirectional(vm.pathProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button(Messages.t("import.browse"), Icons.FOLDER.icon());
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(Messages.t("import.csvFilter"), "*.csv", "*.xlsx"));
            File f = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.pathProperty().set(f.getAbsolutePath());
                vm.loadColumns(dialogs::showError);
            }
        });
        ColumnMappingPane mapping = new ColumnMappingPane(vm.mapping(), vm.fields());
        ScrollPane mappingScroll = new ScrollPane(mapping);
        mappingScroll.setPrefViewportHeight(200);
        // never squeezed to a single line by the report below it: several columns' choices stay in view
        mappingScroll.setMinViewportHeight(150);
        mappingScroll.setFitToWidth(true);
        TitledPane mappingStep = new TitledPane(Messages.t("import.mapping"), mappingScroll);
        mappingStep.setId("mappingStep");
        mappingStep.setExpanded(false);
        // The one 列对应 control: opening it reads the file's columns (a file chosen with 选择文件 is read at once).
        mappingStep.expandedProperty().addListener((o, was, is) -> {
            if (is && vm.mapping().isEmpty() && !vm.busyProperty().get()) {
                vm.loadColumns(dialogs::showError);
            }
        });
        // Opens when a file's columns are read, so the user sees where each goes before the preview.
        vm.mapping().addListener((ListChangeListener<ColumnMappingPane.Choice>)
                c -> mappingStep.setExpanded(!vm.mapping().isEmpty()));
        Button template = new Button(Messages.t("import.template"));
        template.setOnAction(e -> saveTemplate(dialogs));
        Button preview = new Button(Messages.t("import.preview"), Icons.PREVIEW.icon());
        preview.setId("previewImport");
        preview.setDefaultButton(true);
        preview.disableProperty().bind(vm.busyProperty());
        preview.setOnAction(e -> vm.preview(dialogs::showError));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());

        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE); // all its lines, never "…"
        summary.textProperty().bind(vm.summaryProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty()); // no gap before there is news

        TableView<ImportProblem> report = new TableView<>(vm.problems());
        report.setId("importReport");
        report.setPlaceholder(new Label(""));
        report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the row and the column are short: the room is the sentence's
        var rowNo = Columns.<ImportProblem>text("import.col.row", p -> String.valueOf(p.row()), 60);
        rowNo.setMaxWidth(90);
        var column = Columns.<ImportProblem>text("import.col.column", ImportProblem::column, 140);
        column.setMaxWidth(220);
        report.getColumns().add(rowNo);
        report.getColumns().add(column);
        // a problem is a sentence: wrapped within the column, read whole at 1366×768, never cut to "…"
        report.getColumns().add(Columns.wrapped("import.col.problem", ImportProblem::message, 420));
        VBox.setVgrow(report, Priority.ALWAYS);

        Label fileLabel = new Label(Messages.t("import.file"));
        HBox fileRow = new HBox(8, fileLabel, path, browse, preview, busy);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        // the label and the buttons keep their words in either language; the path field gives way
        for (Control c : List.of(fileLabel, browse, preview)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        path.setMinWidth(120);
        HBox.setHgrow(path, Priority.ALWAYS);
        Label hint = new Label(Messages.t("import.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(10, hint, fileRow, template, mappingStep, summary, report);
        if (extra != null) {
            content.getChildren().add(content.getChildren().indexOf(summary), extra);
        }
        content.setPadding(new Insets(8));
        content.setPrefSize(940, 560); // within 1366x768 with the dialog's header and buttons
        dialog.getDialogPane().setContent(content);

        ButtonType commit = new ButtonType(Messages.t("import.commit"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(Messages.t("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(commit, close);
        Button commitButton = (Button) dialog.getDialogPane().lookupButton(commit);
        commitButton.setId("commitImport");
        commitButton.disableProperty().bind(vm.canCommitProperty().not());
        commitButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.commit(
                    n -> {
                        dialogs.notifySuccess(vm.doneMessage(n));
                        onImported.run();
                    },
                    dialogs::showError);
        });
    }

    public void show() {
        dialog.show();
    }

    private void saveTemplate(DialogService dialogs) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(vm.templateFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        File f = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
        if (f == null) {
            return;
        }
        vm.saveTemplate(f.toPath(), () -> dialogs.notifySuccess(Messages.t("export.done", 1, f)), dialogs::showError);
    }
}
