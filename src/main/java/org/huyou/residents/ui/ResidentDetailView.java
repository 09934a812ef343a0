package org.huyou.residents.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.huyou.common.Dates;
import org.huyou.common.HiddenCharacters;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.Mnemonics;
import org.huyou.common.ui.SaveButtons;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.UnreadableDates;
import org.huyou.common.ui.WrappedTabs;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.StatusEvent;
import org.huyou.security.Accounts;

/** The selected resident's file beside the list: header, profile, and the status history with its actions. */
final class ResidentDetailView extends StackPane {

    private final ResidentDetailViewModel vm;
    private final DialogService dialogs;
    private final GridPane profile = new GridPane();
    /** The file's tabs, once the file is made; a tab asked for before that is chosen when it is. */
    private TabPane fileTabs;
    /** The care file's tabs, once the file is made. */
    private final List<FilePartTab> partTabs = new ArrayList<>();

    private String wantedTab;

    ResidentDetailView(
            ResidentDetailViewModel vm,
            DialogService dialogs,
            Runnable onEdit,
            Runnable onChanged,
            boolean canEdit,
            boolean canVoid,
            List<ResidentFilePart> parts) {
        this.vm = vm;
        this.dialogs = dialogs;
        Label hint = new Label(Messages.t("residents.selectHint"));
        hint.getStyleClass().add("empty-hint");
        hint.visibleProperty().bind(vm.residentProperty().isNull());
        getChildren().add(hint);
        // The file (header, tabs, forms, tables) is made when a resident is first shown: made with the main window,
        // it was styled and laid out, hidden, at every login (a third of the window's nodes).
        vm.residentProperty().addListener(new ChangeListener<Resident>() {
            @Override
            public void changed(ObservableValue<? extends Resident> o, Resident a, Resident r) {
                if (r != null) {
                    o.removeListener(this);
                    getChildren().add(file(onEdit, onChanged, canEdit, canVoid, parts));
                }
            }
        });
    }

    /** The file of the resident being shown, kept up to date as another is shown. */
    private VBox file(
            Runnable onEdit, Runnable onChanged, boolean canEdit, boolean canVoid, List<ResidentFilePart> parts) {
        ImageView photo = new ImageView();
        photo.setFitWidth(88);
        photo.setFitHeight(88);
        photo.setPreserveRatio(true);
        photo.imageProperty()
                .bind(Bindings.createObjectBinding(
                        () -> ResidentPhotos.image(vm.photoProperty().get()), vm.photoProperty()));
        Label name = new Label();
        name.setId("detailName");
        name.getStyleClass().add("detail-name");
        Label facts = new Label();
        facts.setId("detailFacts");
        facts.getStyleClass().add("detail-facts");
        Label status = new Label();
        status.setId("detailStatus");
        status.getStyleClass().add("status-tag");
        Consumer<Resident> showHeader = r -> {
            name.setText(r == null ? "" : HiddenCharacters.shown(r.name()));
            facts.setText(
                    r == null
                            ? ""
                            : r.recordNo() + "  ·  " + r.gender().label() + "  ·  "
                                    + Dates.age(r.birthDate(), vm.today()));
            fillProfile(r);
        };
        vm.residentProperty().addListener((o, a, r) -> showHeader.accept(r));
        showHeader.accept(vm.residentProperty().get());
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.statusProperty().get() == null
                                ? ""
                                : vm.statusProperty().get().label(),
                        vm.statusProperty()));
        Button edit = new Button(Messages.t("residents.edit"), Icons.EDIT.icon());
        edit.setId("editResident");
        Mnemonics.on(edit, 'E');
        edit.setOnAction(e -> onEdit.run());
        edit.setVisible(canEdit);
        // a long allergy warning beside it wraps; the button keeps its whole text ("Edit reco…" in English once)
        edit.setMinWidth(Region.USE_PREF_SIZE);
        // Allergies and other warnings: on every tab of this resident, never by colour alone.
        Label warning = new Label();
        warning.setId("residentWarning");
        warning.getStyleClass().add("resident-warning");
        warning.setGraphic(Icons.WARNING.icon());
        warning.setWrapText(true);
        warning.textProperty()
                .bind(Bindings.createStringBinding(() -> String.join("   ", vm.warnings()), vm.warnings()));
        warning.visibleProperty().bind(Bindings.isNotEmpty(vm.warnings()));
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to one line
        VBox titles = new VBox(4, name, facts, status, warning);
        titles.setMinWidth(0);
        HBox header = new HBox(16, photo, titles);
        HBox.setHgrow(titles, Priority.ALWAYS);
        header.getChildren().add(edit);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("detail-header");
        header.setPadding(new Insets(12));

        profile.setHgap(12);
        profile.setVgap(6);
        ColumnConstraints labelColumn = new ColumnConstraints();
        labelColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        profile.getColumnConstraints().addAll(labelColumn, valueColumn);
        profile.setPadding(new Insets(8, 12, 8, 12));

        TableView<StatusEvent> history = historyTable();
        Button add = new Button(Messages.t("residents.addStatus"), Icons.HISTORY.icon());
        add.setId("addStatus");
        add.setOnAction(e -> askStatusChange(onChanged));
        add.setVisible(canEdit);
        Button voidIt = UnreadableDates.notASave(new Button(Messages.t("residents.voidStatus"), Icons.VOID.icon()));
        voidIt.setId("voidStatus");
        voidIt.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            StatusEvent sel = history.getSelectionModel().getSelectedItem();
                            return sel == null || sel.voided();
                        },
                        history.getSelectionModel().selectedItemProperty()));
        voidIt.setOnAction(e -> askVoid(history.getSelectionModel().getSelectedItem(), onChanged));
        voidIt.setVisible(canVoid);
        Label historyTitle = new Label(Messages.t("residents.history"));
        historyTitle.getStyleClass().add("form-heading");
        ToolBar historyBar = new ToolBar(historyTitle, add, voidIt);

        VBox body = new VBox(profile, historyBar, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        history.setMinHeight(160);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        TabPane tabs = new TabPane();
        tabs.setId("residentTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(new Tab(Messages.t("residents.profile"), scroll));
        fileTabs = tabs;
        for (ResidentFilePart part : parts) {
            FilePartTab tab = new FilePartTab(part);
            part.setOnChanged(vm::reload);
            partTabs.add(tab);
            tabs.getTabs().add(tab.tab());
        }
        vm.residentProperty().addListener((o, a, r) -> {
            Long id = r == null ? null : r.id();
            if (a == null || r == null || !a.id().equals(r.id())) {
                partTabs.forEach(t -> t.show(id));
            }
        });
        Long first = vm.residentProperty().get().id();
        partTabs.forEach(t -> t.show(first));
        selectWanted();
        VBox wrapped = WrappedTabs.of(tabs); // every tab in sight, none behind a chevron
        VBox file = new VBox(header, wrapped);
        VBox.setVgrow(wrapped, Priority.ALWAYS);
        file.visibleProperty().bind(vm.residentProperty().isNotNull());
        return file;
    }

    /**
     * Loads the open file again, header and tabs (the tab in sight now, the others when next opened): what was
     * recorded for this resident elsewhere (提醒, the shift log, another PC) shows without choosing the resident again.
     */
    void reloadFile() {
        if (vm.residentProperty().get() == null) {
            return;
        }
        vm.reload();
        partTabs.forEach(FilePartTab::reload);
    }

    /** Opens the file's tab of this title (a caseload row opens the file where its task is); unknown: no change. */
    void selectTab(String title) {
        wantedTab = title;
        if (fileTabs != null) {
            selectWanted();
        }
    }

    private void selectWanted() {
        if (wantedTab != null) {
            String title = wantedTab;
            wantedTab = null;
            fileTabs.getTabs().stream()
                    .filter(t -> title.equals(t.getText()))
                    .findFirst()
                    .ifPresent(t -> fileTabs.getSelectionModel().select(t));
        }
    }

    private void fillProfile(Resident r) {
        profile.getChildren().clear();
        if (r == null) {
            return;
        }
        int[] row = {0};
        BiConsumer<String, String> put = (label, value) -> {
            Label l = new Label(Messages.t(label));
            l.getStyleClass().add("profile-label");
            Label v = new Label(value == null || value.isBlank() ? "—" : value);
            v.setWrapText(true);
            profile.add(l, 0, row[0]);
            profile.add(v, 1, row[0]);
            row[0]++;
        };
        put.accept(
                "field.birthDate",
                Dates.format(r.birthDate()) + (r.birthDateEstimated() ? " " + Messages.t("residents.estimated") : ""));
        // The service hands the number over masked unless the user may see it in full (and logs a full read).
        put.accept("field.idNumber", r.idNumber());
        ((Label) profile.getChildren().get(profile.getChildren().size() - 1)).setId("profileIdNumber");
        put.accept("field.ethnicity", Ethnicity.label(r.ethnicity()));
        put.accept("field.householdRegistration", r.householdRegistration());
        put.accept("field.category", r.category().label());
        put.accept("field.livingGroup", vm.groupName(r.livingGroupId()));
        put.accept("field.admissionDate", Dates.format(r.admissionDate()));
        put.accept(
                "field.admissionSource",
                r.admissionSource().label() + (r.admissionFrom() == null ? "" : " (" + r.admissionFrom() + ")"));
        put.accept(
                "field.disabilityType",
                r.disabilityType().label()
                        + (r.disabilityGrade() == null
                                ? ""
                                : " " + Messages.t("residents.grade", r.disabilityGrade())));
        put.accept(
                "field.guardianship",
                r.guardianship().label() + (r.guardianshipNote() == null ? "" : " (" + r.guardianshipNote() + ")"));
        put.accept("field.formerName", r.formerName());
        put.accept("field.note", r.note());
    }

    private TableView<StatusEvent> historyTable() {
        TableView<StatusEvent> t = new TableView<>(vm.history());
        t.setId("statusHistory");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(Columns.text("residents.col.date", e -> Dates.format(e.date()), 110));
        t.getColumns().add(Columns.text("residents.col.status", e -> e.status().label(), 120));
        t.getColumns()
                .add(Columns.text(
                        "residents.col.by", e -> Accounts.displayName(e.trail().createdBy()), 100));
        t.getColumns()
                .add(Columns.text(
                        "residents.col.note",
                        e -> e.voided()
                                ? Messages.t(
                                                "residents.voided",
                                                Accounts.displayName(e.trail().voidedBy()),
                                                Dates.format(
                                                        e.trail().voidedAt().toLocalDate()),
                                                e.trail().voidedReason())
                                        + (e.note() == null ? "" : " · " + e.note())
                                : e.note(),
                        260));
        TableRows.mark(t, StatusEvent::voided, "voided-row");
        return t;
    }

    private void askStatusChange(Runnable onChanged) {
        Resident r = vm.residentProperty().get();
        Dialog<ButtonType> d = dialogs.dialog();
        d.setTitle(Messages.t("residents.statusDialogTitle", r.name()));
        d.setHeaderText(d.getTitle());
        ComboBox<ResidentStatus> status = new ComboBox<>();
        status.setId("newStatus");
        status.getItems().addAll(ResidentStatus.values());
        status.setConverter(Converters.coded());
        DateField date = new DateField();
        date.setId("statusDate");
        date.setValue(vm.today());
        TextField note = new TextField();
        note.setId("statusNote");
        FormGrid form = new FormGrid();
        form.field(Messages.t("field.status"), true, status, null);
        form.field(Messages.t("residents.statusDate"), true, date, null);
        form.field(Messages.t("residents.col.note"), false, note, null);
        d.getDialogPane().setContent(form);
        SaveButtons buttons = SaveButtons.addTo(d);
        buttons.saveButton().disableProperty().bind(status.valueProperty().isNull());
        buttons.onSave(() -> {
            date.commitText();
            LocalDate when = date.getValue();
            vm.recordStatus(
                    status.getValue(),
                    when,
                    note.getText(),
                    () -> {
                        buttons.closeSaved(d);
                        dialogs.notifySuccess(Messages.t("residents.statusRecorded"));
                        onChanged.run();
                    },
                    dialogs::showError);
        });
        d.show();
    }

    private void askVoid(StatusEvent event, Runnable onChanged) {
        dialogs.askReason(
                        Messages.t("residents.voidDialogTitle"),
                        Messages.t("residents.voidDialogText"),
                        Messages.t("residents.voidReason"),
                        Messages.t("residents.voidStatus"))
                .ifPresent(reason -> vm.voidStatus(
                        event,
                        reason,
                        () -> {
                            dialogs.notifySuccess(Messages.t("residents.statusVoided"));
                            onChanged.run();
                        },
                        dialogs::showError));
    }
}
