package org.huyou.security.ui;

import java.io.File;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.EmptyList;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.security.Accounts;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditLabels;
import org.huyou.security.AuditLog;
import org.huyou.security.CurrentUser;

/** The audit log for directors and administrators: filter by user, dates, action and record; export. */
public final class AuditView implements ModuleView {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final AuditViewModel vm;
    private final DialogService dialogs;
    private final TextField username = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField record = new TextField();
    private final DateField from = new DateField();
    private final DateField to = new DateField();
    private final TableView<AuditEntry> table = new TableView<>();
    private final Label count = new Label();
    /** Every field of the selected row, in full: long summaries and changes a cell cuts off. */
    private final TextArea detail = new TextArea();
    /** Whether the chain is whole: the check made at login, or one made now. */
    private final Label chain = new Label();

    private final VBox root;

    public AuditView(AuditLog audit, TaskRunner tasks, DialogService dialogs, CurrentUser user) {
        this.vm = new AuditViewModel(audit, tasks, dialogs, user);
        this.dialogs = dialogs;
        username.textProperty().bindBidirectional(vm.username);
        record.textProperty().bindBidirectional(vm.record);
        action.valueProperty().bindBidirectional(vm.action);
        from.valueProperty().bindBidirectional(vm.from);
        to.valueProperty().bindBidirectional(vm.to);
        username.setPromptText(Messages.t("audit.user"));
        username.setId("auditUser");
        // filters, not a record's input
        TypedInput.notInput(username);
        TypedInput.notInput(record);
        record.setPromptText(Messages.t("audit.record"));
        action.getItems().add(null);
        action.getItems().addAll(AuditLog.ACTIONS);
        action.setPromptText(Messages.t("audit.action"));
        action.setConverter(Converters.of(AuditView::actionLabel, Messages.t("common.all")));
        from.setPromptText(Messages.t("audit.from"));
        to.setPromptText(Messages.t("audit.to"));
        Button search = new Button(Messages.t("audit.search"), Icons.SEARCH.icon());
        search.setDefaultButton(true);
        search.setOnAction(e -> refresh());
        Button export = new Button(Messages.t("audit.export"), Icons.EXPORT.icon());
        export.setDisable(!vm.mayExport());
        export.setOnAction(e -> export());
        FlowPane filters = (FlowPane) InlineForms.row(true, username, action, record, from, to, search, export);
        filters.setAlignment(Pos.CENTER_LEFT);
        table.setId("auditTable");
        table.setItems(vm.rows());
        EmptyList.follow(table, vm.narrowed(), "table.noRows", "audit.noMatch");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("audit.col.at", e -> AT.format(e.at()), 150));
        table.getColumns().add(Columns.text("audit.user", e -> Accounts.displayName(e.username()), 90));
        table.getColumns().add(Columns.text("audit.action", e -> actionLabel(e.action()), 90));
        table.getColumns().add(Columns.text("audit.col.entity", AuditLabels::subject, 150));
        // sentences: wrapped in the width the table leaves, never past its edge (a scroll bar sideways at 1366)
        table.getColumns().add(Columns.wrapped("audit.col.summary", AuditLabels::summary, 200));
        table.getColumns().add(Columns.wrapped("audit.col.changes", AuditLabels::changes, 300));
        chain.setId("auditChain");
        chain.textProperty().bind(vm.chain());
        vm.chainBroken().addListener((o, was, broken) -> {
            chain.getStyleClass().removeAll("warning-text");
            if (broken) {
                chain.getStyleClass().add("warning-text");
            }
        });
        count.textProperty().bind(vm.count());
        chain.setWrapText(true);
        // the status shown first reads only the rows after the last checkpoint; this walks the whole chain
        Button recheck = new Button(Messages.t("audit.verifyFull"), Icons.REFRESH.icon());
        recheck.setId("auditVerifyFull");
        recheck.setOnAction(e -> vm.verifyFullChain());
        HBox chainRow = new HBox(8, chain, recheck);
        chainRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(chain, Priority.ALWAYS);
        chain.setMaxWidth(Double.MAX_VALUE);
        detail.setId("auditDetail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(6);
        detail.setPromptText(Messages.t("audit.detailsPrompt"));
        TableRows.follow(table, vm.selected);
        detail.textProperty().bind(vm.detail());
        // Enter or a double click reads the row in a window of its own, for a very long change list
        TableRows.open(table, this::showDetails);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        root = new VBox(8, chainRow, filters, split, count);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        refresh();
    }

    private void showDetails(AuditEntry row) {
        dialogs.showText(Messages.t("audit.detailsTitle", row.id()), AuditLabels.details(row));
    }

    static String actionLabel(String code) {
        return AuditLabels.action(code);
    }

    /** A date typed but not yet taken (no Enter, no focus change) counts as the filter shows it. */
    private void commitDates() {
        from.commitText();
        to.commitText();
    }

    @Override
    public void refresh() {
        commitDates();
        vm.refresh();
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("audit-log.csv");
        File f = chooser.showSaveDialog(dialogs.owner());
        if (f == null) {
            return;
        }
        commitDates();
        vm.export(f.toPath());
    }

    @Override
    public Node node() {
        return root;
    }
}
