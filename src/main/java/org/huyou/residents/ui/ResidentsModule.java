package org.huyou.residents.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.huyou.common.Coded;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ImportDialog;
import org.huyou.common.ui.ImportViewModel;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.LoadOnScroll;
import org.huyou.common.ui.Mnemonics;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.common.ui.UnsavedChanges;
import org.huyou.common.ui.UnsavedChangesGuard;
import org.huyou.residents.AgeBand;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;
import org.huyou.residents.ResidentWarnings;
import org.huyou.residents.io.ResidentImporter;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** The resident register: toolbar, search and filters, the list, and the selected resident's file beside it. */
public final class ResidentsModule implements ModuleView {

    private final ResidentService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResidentListViewModel list;
    private final ResidentDetailViewModel detail;
    private final ResidentImporter importer;
    private final SplitPane root;
    private final TextField search;
    private final TableView<ResidentSummary> table;
    private final boolean canCreate;
    private final TypedInput fileInput;
    private final UnsavedChangesGuard guard;
    /** The shown resident's row is being selected again after 取消. */
    private boolean puttingBack;

    private final List<ResidentEditorDialog> editors = new ArrayList<>();
    private final ResidentDetailView detailView;

    public ResidentsModule(
            ResidentService service,
            ResidentImporter importer,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            List<ResidentFilePart> parts,
            List<ResidentWarnings> warnings,
            RegisterHeadStart headStart) {
        this.service = service;
        this.importer = importer;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.list = new ResidentListViewModel(service, tasks);
        this.detail = new ResidentDetailViewModel(service, tasks, warnings);
        list.setOnError(dialogs::showError);
        list.useHeadStart(headStart); // null: the list asks for its first page itself
        detail.setOnError(dialogs::showError);

        Button add = new Button(Messages.t("residents.new"), Icons.ADD.icon());
        add.setId("newResident");
        Mnemonics.on(add, 'N');
        add.setTooltip(new Tooltip(Messages.t("residents.new") + " (Ctrl+N)"));
        add.setOnAction(e -> newRecord());
        add.setVisible(user.can(AppModule.RESIDENTS, Action.CREATE));
        Button imp = new Button(Messages.t("residents.import"), Icons.IMPORT.icon());
        imp.setId("importResidents");
        Mnemonics.on(imp, 'I');
        imp.setVisible(user.can(AppModule.RESIDENTS, Action.CREATE));
        imp.setOnAction(e -> new ImportDialog(new ImportViewModel<>(importer, tasks), dialogs, list::reloadAll).show());
        Button refresh = new Button(null, Icons.REFRESH.icon());
        refresh.setTooltip(new Tooltip(Messages.t("common.refresh") + " (F5)"));
        refresh.setOnAction(e -> refresh());
        HBox toolbar = new HBox(8, add, imp, new Region(), refresh);
        HBox.setHgrow(toolbar.getChildren().get(2), Priority.ALWAYS);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        CustomTextField searchField = new CustomTextField();
        searchField.setLeft(Icons.SEARCH.icon());
        search = searchField;
        search.setId("residentSearch");
        InlineForms.searchBox(search);
        // The prompt names only what this user's search matches: the ID number only for who may read it in full.
        search.setPromptText(
                Messages.t(service.seesFullIdNumbers() ? "residents.search.prompt" : "residents.search.promptNoId"));
        search.textProperty().bindBidirectional(list.queryProperty());

        FlowPane filters = new FlowPane(
                8,
                6,
                filter("filterStatus", "residents.filter.status", ResidentStatus.values(), list.statusProperty()),
                filter("filterCategory", "residents.filter.category", Category.values(), list.categoryProperty()),
                groupFilter(),
                filter("filterAge", "residents.filter.age", AgeBand.values(), list.ageBandProperty()),
                filter(
                        "filterDisability",
                        "residents.filter.disability",
                        DisabilityType.values(),
                        list.disabilityProperty()));

        table = table();
        // Enter or ↓ opens the first match (the only one, after a few pinyin initials); Esc starts over.
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ENTER, DOWN -> {
                    if (!table.getItems().isEmpty()) {
                        table.getSelectionModel().clearAndSelect(0);
                        table.getFocusModel().focus(0);
                        table.scrollTo(0);
                        table.requestFocus();
                        e.consume();
                    }
                }
                case ESCAPE -> {
                    if (!search.getText().isEmpty()) {
                        search.clear();
                        e.consume();
                    }
                }
                default -> {}
            }
        });
        Label count = new Label();
        count.setId("residentCount");
        count.textProperty().bind(list.countTextProperty());
        VBox left = new VBox(8, toolbar, search, filters, table, count);
        left.setPadding(new Insets(10));
        VBox.setVgrow(table, Priority.ALWAYS);

        this.canCreate = user.can(AppModule.RESIDENTS, Action.CREATE);
        detailView = new ResidentDetailView(
                detail,
                dialogs,
                this::editSelected,
                list::refresh,
                user.can(AppModule.RESIDENTS, Action.EDIT),
                user.can(AppModule.RESIDENTS, Action.VOID),
                parts);
        root = new SplitPane(left, detailView);
        root.setDividerPositions(0.42); // the file, with its care tabs and forms, gets the larger side
        // The open file stays open while the list reloads around it (after a save, a search, F5).
        // Another resident's file replaces this one's forms: typed, unsaved input there is asked about first.
        fileInput = new TypedInput(detailView, tasks, dialogs);
        guard = new UnsavedChangesGuard(dialogs);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, sel) -> {
            Resident shown = detail.residentProperty().get();
            if (sel != null && (shown == null || shown.id() != sel.id()) && !puttingBack) {
                // Asked once the table has finished its click: a dialog opened inside the selection change never
                // got its first layout.
                Platform.runLater(() -> guard.leave(fileInput, () -> detail.load(sel.id()), () -> {
                    puttingBack = true;
                    try {
                        list.rows().stream()
                                .filter(r -> shown != null && r.id() == shown.id())
                                .findFirst()
                                .ifPresentOrElse(
                                        r -> table.getSelectionModel().select(r),
                                        () -> table.getSelectionModel().clearSelection());
                    } finally {
                        puttingBack = false;
                    }
                }));
            }
        });
        list.rows().addListener((ListChangeListener<ResidentSummary>) c -> {
            Resident shown = detail.residentProperty().get();
            if (shown != null) {
                list.rows().stream()
                        .filter(r -> r.id() == shown.id())
                        .findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        list.reloadAll();
    }

    private TableView<ResidentSummary> table() {
        TableView<ResidentSummary> t = new TableView<>(list.rows());
        t.setId("residentTable");
        LoadOnScroll.install(t, list::loadMore);
        t.getStyleClass().add("striped");
        Label placeholder = new Label();
        placeholder.setWrapText(true); // a sentence wider than the list wraps instead of losing its end
        placeholder.setPadding(new Insets(0, 12, 0, 12));
        placeholder.textProperty().bind(list.placeholderProperty());
        t.setPlaceholder(placeholder);
        t.getColumns().add(Columns.text("residents.col.recordNo", ResidentSummary::recordNo, 90));
        t.getColumns().add(Columns.text("residents.col.name", ResidentSummary::name, 80));
        t.getColumns().add(Columns.text("residents.col.gender", r -> r.gender().label(), 46));
        TableColumn<ResidentSummary, String> age =
                Columns.text("residents.col.age", r -> Dates.age(r.birthDate(), list.today()), 80);
        age.setSortable(false); // "12岁3个月" does not sort as text
        t.getColumns().add(age);
        t.getColumns()
                .add(Columns.text("residents.col.category", r -> r.category().label(), 110));
        t.getColumns()
                .add(Columns.text("residents.col.group", r -> r.livingGroup() == null ? "" : r.livingGroup(), 80));
        t.getColumns()
                .add(Columns.text(
                        "residents.col.disability",
                        r -> r.disabilityType().label()
                                + (r.disabilityGrade() == null
                                        ? ""
                                        : " " + Messages.t("residents.grade", r.disabilityGrade())),
                        100));
        t.getColumns()
                .add(Columns.text(
                        "residents.col.status",
                        r -> r.status() == null ? "" : r.status().label(),
                        80));
        t.getColumns().add(Columns.text("residents.col.idNumber", ResidentSummary::maskedIdNumber, 160));
        TableRows.open(t, row -> editSelected());
        return t;
    }

    @SuppressWarnings("unchecked")
    private <T extends Coded> Node filter(String id, String key, T[] values, ObjectProperty<T> target) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(Converters.codedOrAll());
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(Messages.t(key) + ": " + (item == null ? Messages.t("common.all") : item.label()));
            }
        });
        box.valueProperty().bindBidirectional(target);
        return box;
    }

    private Node groupFilter() {
        ComboBox<LivingGroup> box = new ComboBox<>();
        box.setId("filterGroup");
        box.getItems().add(null); // "all", until the groups arrive
        list.groups().addListener((ListChangeListener<LivingGroup>) c -> {
            LivingGroup selected = box.getValue();
            List<LivingGroup> items = new ArrayList<>();
            items.add(null);
            items.addAll(list.groups());
            box.getItems().setAll(items);
            box.setValue(selected);
        });
        box.setConverter(Converters.of(LivingGroup::name, Messages.t("common.all")));
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(LivingGroup item, boolean empty) {
                super.updateItem(item, empty);
                setText(Messages.t("residents.filter.group") + ": "
                        + (item == null ? Messages.t("common.all") : item.name()));
            }
        });
        box.valueProperty().bindBidirectional(list.livingGroupProperty());
        return box;
    }

    private void editSelected() {
        Resident r = detail.residentProperty().get();
        if (r == null) {
            return;
        }
        ResidentEditorViewModel vm = new ResidentEditorViewModel(
                service, tasks, detail.groups(), r, detail.photoProperty().get());
        opened(new ResidentEditorDialog(vm, dialogs)).show(saved -> {
            dialogs.notifySuccess(Messages.t("residents.saved", saved.name()));
            list.refresh();
            detail.load(saved.id());
        });
    }

    /**
     * Shows a resident's file at the tab of this title (from another module: a caseload's row), asking first when
     * typed input in the file shown now would be lost.
     */
    public void openFile(long residentId, String tabTitle) {
        guard.leave(fileInput, () -> {
            detailView.selectTab(tabTitle);
            detail.load(residentId);
        });
    }

    @Override
    public void newRecord() {
        if (!canCreate) {
            return;
        }
        ResidentEditorViewModel vm = new ResidentEditorViewModel(service, tasks, list.groups());
        opened(new ResidentEditorDialog(vm, dialogs)).show(saved -> {
            dialogs.notifySuccess(Messages.t("residents.created", saved.name(), saved.recordNo()));
            list.refresh();
            // the new child's file starts every form afresh: what is typed in this one's is asked about first
            guard.leave(fileInput, () -> detail.load(saved.id()));
        });
    }

    private ResidentEditorDialog opened(ResidentEditorDialog editor) {
        editors.removeIf(e -> !e.isShowing());
        editors.add(editor);
        return editor;
    }

    /** The open resident forms (dialogs of their own) and what is typed in the file's tabs. */
    @Override
    public UnsavedChanges changes() {
        return UnsavedChanges.all(() -> {
            editors.removeIf(e -> !e.isShowing());
            List<UnsavedChanges> all = new ArrayList<>();
            editors.forEach(e -> all.add(e.changes()));
            return all;
        });
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void refresh() {
        list.reloadAll();
        detailView.reloadFile();
    }

    /** Back from another screen: the open file shows what was recorded there (a dose from 提醒, a shift log). */
    @Override
    public void shown() {
        detailView.reloadFile();
    }

    public void reloadAll() {
        list.reloadAll();
    }

    /** The empty register says the demo home is being loaded (it said "no files yet" for the whole load). */
    public void showDemoLoading() {
        list.showFilling(Messages.t("demo.loading"));
    }

    @Override
    public Node node() {
        return root;
    }

    ResidentListViewModel listModel() {
        return list;
    }

    TableView<ResidentSummary> tableView() {
        return table;
    }
}
