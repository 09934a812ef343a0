package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.bound;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyConflict;
import org.huyou.care.medical.AllergyService;
import org.huyou.care.medical.DrugClass;
import org.huyou.care.medical.FormularyService;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.Medication;
import org.huyou.care.medical.MedicationService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.HintWidth;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.MarkedTextCell;
import org.huyou.common.ui.SaveButtons;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.UnreadableDates;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The medical part of the file (the View of {@link MedicalViewModel}): allergies (a substance or a drug class),
 * medical records, medication orders picked from the formulary and checked against the allergies, and the
 * administration record with voided doses marked.
 */
public final class MedicalPart implements FilePartView {

    private final MedicalViewModel model;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ComboBox<String> drugPicker = new ComboBox<>();
    /** The picker's items are being replaced: the combo box rewrites its editor then, which is not a new search. */
    private boolean narrowing;

    private final TableView<Allergy> allergyTable = new TableView<>();
    private final TableView<MedicalRecord> recordTable = new TableView<>();
    private final TableView<Medication.Order> orderTable = new TableView<>();
    private final TableView<Medication.Administration> marTable = new TableView<>();
    private final VBox root;

    public MedicalPart(
            AllergyService allergies,
            MedicalRecordService records,
            MedicationService medication,
            FormularyService formulary,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        LocalDate today = LocalDate.now(clock);
        this.model = new MedicalViewModel(
                allergies, records, medication, formulary, tasks, FieldMarks.marking(this::node, dialogs), today);
        this.tasks = tasks;
        this.dialogs = dialogs;
        boolean canCreate = user.can(AppModule.MEDICAL, Action.CREATE);
        VBox content = new VBox(8);
        content.setPadding(new Insets(8));
        boolean canVoid = user.can(AppModule.MEDICAL, Action.VOID);
        Runnable changed = model::changed;
        MedicalFundingPane funding = new MedicalFundingPane(records, tasks, dialogs, canCreate, recordTable, changed);
        TomorrowPlanPane tomorrowPlan =
                new TomorrowPlanPane(records, tasks, dialogs, canCreate, canVoid, today, changed);
        model.setOnShown(l -> {
            if (l == null) {
                funding.clear();
                tomorrowPlan.clear();
            } else {
                orderTable.refresh(); // the conflicts changed even where the orders did not
                funding.fill(l.fundings());
                tomorrowPlan.fill(model.residentId(), l.applications());
            }
        });
        content.getChildren()
                .addAll(
                        InlineForms.heading("allergy.title"),
                        allergyForm(canCreate),
                        allergyTable(),
                        voidButton(allergyTable, canVoid, Allergy::voided, model::voidAllergy),
                        InlineForms.heading("medical.records"),
                        recordForm(canCreate),
                        recordTable(),
                        voidButton(recordTable, canVoid, MedicalRecord::voided, model::voidRecord),
                        funding.node(),
                        tomorrowPlan.node(),
                        InlineForms.heading("medication.orders"),
                        orderForm(canCreate),
                        orderTable(),
                        voidButton(orderTable, canVoid, Medication.Order::voided, model::voidOrder),
                        InlineForms.heading("medication.mar"),
                        marTable(),
                        voidDose(user));
        model.loadFormulary();
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root = new VBox(scroll);
    }

    private <T> Button voidButton(
            TableView<T> table, boolean allowed, Predicate<T> voided, BiConsumer<T, String> voidIt) {
        return VoidButton.under(table, allowed, voided, voidIt, tasks, dialogs, model::changed);
    }

    /** A dose recorded in error, after its 撤销 is gone: voided with a reason; it stays in the record, marked. */
    private Node voidDose(CurrentUser user) {
        Button b = voidButton(
                marTable,
                user.can(AppModule.MEDICATION_ROUNDS, Action.VOID),
                Medication.Administration::voided,
                model::voidDose);
        b.setId("voidDose");
        return b;
    }

    private Node allergyForm(boolean canCreate) {
        TextField substance = bound(new TextField(), model.substance);
        substance.setId("allergySubstance");
        substance.setPromptText(Messages.t("allergy.substance"));
        TextField reaction = bound(new TextField(), model.reaction);
        reaction.setPromptText(Messages.t("allergy.reaction"));
        ComboBox<Allergy.Severity> severity = new ComboBox<>();
        severity.setId("allergySeverity");
        severity.getItems().addAll(Allergy.Severity.values());
        severity.setConverter(Converters.coded());
        severity.setPromptText(Messages.t("common.choose"));
        severity.valueProperty().bindBidirectional(model.severity);
        // A drug class, or none for a substance typed in free text (a food, or a drug by name).
        ComboBox<DrugClass> allergyClass = new ComboBox<>(model.drugClasses());
        allergyClass.setId("allergyClass");
        allergyClass.setConverter(Converters.of(DrugClass::label, Messages.t("allergy.freeText")));
        allergyClass.setPromptText(Messages.t("allergy.drugClass"));
        allergyClass.valueProperty().bindBidirectional(model.allergyClass);
        Button add = new Button(Messages.t("allergy.add"));
        add.setId("addAllergy");
        add.setOnAction(e -> model.addAllergy(this::confirmUnmatched));
        // each field named by a label in front, as on the other forms (a hint inside went once typed in)
        return InlineForms.row(
                canCreate,
                InlineForms.labelled("allergy.drugClass", allergyClass),
                InlineForms.labelled("allergy.substance", substance),
                InlineForms.labelled("allergy.reaction", reaction),
                InlineForms.labelled("allergy.severity", severity),
                add);
    }

    private Node allergyTable() {
        allergyTable.setId("allergyTable");
        allergyTable.setPrefHeight(110);
        allergyTable.setPlaceholder(new Label(Messages.t("allergy.none")));
        allergyTable.setItems(model.allergies());
        allergyTable.getColumns().add(Columns.text("allergy.substance", Allergy::substance, 140));
        allergyTable.getColumns().add(matchedAsColumn());
        allergyTable
                .getColumns()
                .add(Columns.text("allergy.severity", a -> a.severity().label(), 80));
        allergyTable.getColumns().add(Columns.text("allergy.reaction", a -> InlineForms.nz(a.reaction()), 200));
        allergyTable.getColumns().add(Columns.text("allergy.notedOn", a -> Dates.format(a.notedOn()), 100));
        return allergyTable;
    }

    /**
     * What the allergy check matches each allergy by; one matched only by its exact name is marked, in words. A
     * sentence: it wraps in the width the table leaves (in English it stood past the table's edge at 1366 wide).
     */
    private TableColumn<Allergy, Allergy> matchedAsColumn() {
        TableColumn<Allergy, Allergy> c = new TableColumn<>(Messages.t("allergy.matchedAs"));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue()));
        MarkedTextCell.on(c, a -> new MarkedTextCell.Shown(model.matchedAs(a), model.matchesOnlyByName(a)));
        c.setPrefWidth(220);
        return c;
    }

    /** An allergen the check matches to no drug: the sentence, and whether to record it anyway. */
    private boolean confirmUnmatched(String sentence) {
        return dialogs.confirm(
                Messages.t("allergy.unmatchedTitle"),
                sentence,
                Messages.t("allergy.saveAnyway"),
                Messages.t("common.cancel"));
    }

    private Node recordForm(boolean canCreate) {
        ComboBox<MedicalRecord.Kind> kind = new ComboBox<>();
        kind.setId("medicalKind");
        kind.getItems().addAll(MedicalRecord.Kind.values());
        kind.setConverter(Converters.coded());
        kind.valueProperty().bindBidirectional(model.kind);
        DateField date = new DateField();
        date.valueProperty().bindBidirectional(model.recordDate);
        TextField title = bound(new TextField(), model.title);
        title.setId("medicalTitle");
        title.setPromptText(Messages.t("medical.title"));
        HintWidth.fit(title);
        TextField detail = bound(new TextField(), model.detail);
        detail.setPromptText(Messages.t("medical.detail"));
        ComboBox<MedicalRecord.Funding> funding = new ComboBox<>();
        funding.getItems().add(null);
        funding.getItems().addAll(MedicalRecord.Funding.values());
        funding.setConverter(Converters.of(MedicalRecord.Funding::label, Messages.t("medical.noFunding")));
        funding.valueProperty().bindBidirectional(model.funding);
        DateField next = new DateField();
        next.setPromptText(Messages.t("medical.nextDueLabel"));
        next.valueProperty().bindBidirectional(model.nextDue);
        Button add = new Button(Messages.t("medical.add"));
        add.setId("addMedicalRecord");
        add.setOnAction(e -> {
            date.commitText();
            next.commitText();
            model.addRecord();
        });
        return InlineForms.row(
                canCreate,
                InlineForms.labelled("medical.kind", kind),
                InlineForms.labelled("growth.col.date", date),
                InlineForms.labelled("medical.title", title),
                InlineForms.labelled("medical.detail", detail),
                InlineForms.labelled("medical.funding", funding),
                InlineForms.labelled("medical.nextDueLabel", next),
                add);
    }

    private Node recordTable() {
        recordTable.setId("medicalRecordTable");
        recordTable.setPrefHeight(180);
        recordTable.setItems(model.records());
        recordTable.getColumns().add(Columns.text("growth.col.date", r -> Dates.format(r.date()), 95));
        recordTable.getColumns().add(Columns.text("medical.kind", r -> r.kind().label(), 80));
        recordTable
                .getColumns()
                .add(Columns.text(
                        "medical.title",
                        r -> r.title() + (r.voided() ? " " + Messages.t("timeline.voided", r.voidReason()) : ""),
                        150));
        recordTable.getColumns().add(Columns.text("medical.detail", r -> InlineForms.nz(r.detail()), 160));
        recordTable
                .getColumns()
                .add(Columns.text(
                        "medical.funding",
                        r -> r.funding() == null ? "" : r.funding().label(),
                        90));
        recordTable.getColumns().add(Columns.text("medical.nextDueLabel", r -> Dates.format(r.nextDue()), 95));
        return recordTable;
    }

    private Node orderForm(boolean canCreate) {
        Label drugInfo = new Label();
        drugInfo.setId("orderDrugInfo");
        drugInfo.textProperty().bind(model.drugInfoProperty());
        TextField dose = bound(new TextField(), model.dose);
        dose.setId("orderDose");
        // Each box says what to type, with an example; the tooltip keeps it once the box is filled.
        hint(dose, "medication.doseHint", "medication.doseTip");
        dose.setPrefColumnCount(13);
        TextField times = bound(new TextField(), model.times);
        times.setId("orderTimes");
        hint(times, "medication.timesHint", "medication.timesTip");
        times.setPrefColumnCount(15);
        DateField start = new DateField();
        start.valueProperty().bindBidirectional(model.start);
        DateField end = new DateField();
        end.setPromptText(Messages.t("medication.endHint"));
        end.valueProperty().bindBidirectional(model.end);
        Button add = new Button(Messages.t("medication.prescribe"));
        add.setId("prescribe");
        add.setOnAction(e -> {
            start.commitText();
            end.commitText();
            model.prescribe(this::overrideReason, this::doseReason);
        });
        Button newDrug = UnreadableDates.notASave(new Button(Messages.t("formulary.add"), Icons.ADD.icon()));
        newDrug.setId("addFormularyDrug");
        newDrug.setOnAction(e -> addDrugDialog());
        VBox picker = new VBox(2, InlineForms.fieldLabel(drugPicker()), drugInfo);
        return InlineForms.row(canCreate, picker, dose, times, start, end, add, newDrug);
    }

    /** Picked from the formulary: type to narrow the list; the line under it names the ingredient and class. */
    private ComboBox<String> drugPicker() {
        drugPicker.setId("orderDrug");
        drugPicker.setEditable(true);
        drugPicker.setPromptText(Messages.t("medication.drugPick"));
        HintWidth.fit(drugPicker, drugPicker.getEditor());
        drugPicker.setPrefWidth(180);
        drugPicker.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : model.choiceText(name));
            }
        });
        TextField editor = drugPicker.getEditor();
        editor.textProperty().addListener((obs, was, text) -> {
            if (!narrowing) {
                model.drug.set(text == null ? "" : text);
                showWhileTyping(editor, text);
            }
        });
        model.drug.addListener((obs, was, typed) -> {
            if (!typed.equals(editor.getText())) {
                editor.setText(typed);
            }
        });
        model.drugChoices().addListener((ListChangeListener<String>) change -> {
            String typed = model.drug.get();
            narrowing = true;
            try {
                drugPicker.getItems().setAll(model.drugChoices());
                if (!typed.equals(editor.getText())) {
                    editor.setText(typed);
                    editor.positionCaret(typed.length());
                }
            } finally {
                narrowing = false;
            }
        });
        return drugPicker;
    }

    /**
     * Typing shows the drugs it finds at once, as the donor picker does (the list came only with the arrow); a name
     * typed whole, or text that finds none, closes it, so the next field takes the first click.
     */
    private void showWhileTyping(TextField editor, String text) {
        if (!editor.isFocused() || drugPicker.getScene() == null) {
            return;
        }
        boolean whole = text != null && drugPicker.getItems().contains(text.strip());
        if (text == null || text.isBlank() || whole || drugPicker.getItems().isEmpty()) {
            drugPicker.hide();
        } else if (!drugPicker.isShowing()) {
            drugPicker.show();
        }
    }

    private static void hint(TextField field, String prompt, String tip) {
        field.setPromptText(Messages.t(prompt));
        field.setTooltip(new Tooltip(Messages.t(tip)));
        HintWidth.fit(field);
    }

    /**
     * An order the service refused for an allergy: shows the conflicts and asks medical staff for the reason to order
     * it anyway (取消 leaves nothing ordered).
     */
    private Optional<String> overrideReason(String drug, List<AllergyConflict> conflicts) {
        return dialogs.askReason(
                Messages.t("medication.overrideTitle"),
                Messages.t(
                        "medication.overrideText",
                        drug,
                        conflicts.stream().map(c -> "• " + c.message()).collect(Collectors.joining("\n"))),
                Messages.t("medication.overrideReason", MedicationService.MIN_OVERRIDE_REASON),
                Messages.t("medication.orderAnyway"),
                MedicationService.MIN_OVERRIDE_REASON);
    }

    /**
     * An order the service refused for a dose above the maximum: shows the figures and asks medical staff for the
     * reason to order it anyway (取消 leaves nothing ordered and the dose as typed, to correct).
     */
    private Optional<String> doseReason(String drug, List<String> problems) {
        return dialogs.askReason(
                Messages.t("medication.doseLimitTitle"),
                Messages.t(
                        "medication.doseLimitText",
                        drug,
                        problems.stream().map(p -> "• " + p).collect(Collectors.joining("\n"))),
                Messages.t("medication.overrideReason", MedicationService.MIN_OVERRIDE_REASON),
                Messages.t("medication.orderAnyway"),
                MedicationService.MIN_OVERRIDE_REASON);
    }

    /** A drug the formulary lacks: its name, ingredient and class (the allergy check needs both), forms, units. */
    private void addDrugDialog() {
        Dialog<Boolean> dialog = dialogs.dialog();
        dialog.setTitle(Messages.t("formulary.add"));
        dialog.setHeaderText(Messages.t("formulary.addText"));
        TextField name = InlineForms.text("newDrugName", "formulary.name");
        name.setText(model.drug.get());
        TextField ingredient = InlineForms.text("newDrugIngredient", "formulary.ingredient");
        ComboBox<DrugClass> cls = new ComboBox<>();
        cls.setId("newDrugClass");
        cls.getItems()
                .addAll(model.drugClasses().stream().filter(Objects::nonNull).toList());
        cls.setConverter(Converters.of(DrugClass::label));
        TextField forms = InlineForms.text("newDrugForms", "formulary.forms");
        TextField units = InlineForms.text("newDrugUnits", "formulary.units");
        dialog.getDialogPane()
                .setContent(new VBox(
                        6,
                        InlineForms.labelled("formulary.name", name),
                        InlineForms.labelled("formulary.ingredient", ingredient),
                        InlineForms.labelled("formulary.class", cls),
                        InlineForms.labelled("formulary.forms", forms),
                        InlineForms.labelled("formulary.units", units)));
        ButtonType save = new ButtonType(Messages.t("formulary.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(save, new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResultConverter(b -> b == save);
        // Checked before it closes: a refusal (类别：必填。) marks the field and keeps what was typed.
        SaveButtons buttons = SaveButtons.on(dialog, save);
        buttons.onSave(() -> model.addDrug(
                name.getText(),
                ingredient.getText(),
                cls.getValue(),
                forms.getText(),
                units.getText(),
                buttons::closeSaved,
                FieldMarks.marking(dialog::getDialogPane, dialogs)::showError));
        dialog.show();
    }

    private Node orderTable() {
        orderTable.setId("orderTable");
        orderTable.setPrefHeight(190); // an order with two warnings is read whole without scrolling the table
        orderTable.setItems(model.orders());
        orderTable
                .getColumns()
                .add(Columns.text(
                        "medication.drug",
                        o -> o.drug() + (o.voided() ? " " + Messages.t("timeline.voided", "") : ""),
                        140));
        orderTable.getColumns().add(doseColumn());
        // a space after each comma: the times wrap between times, never inside one ("18:0" over "0")
        orderTable
                .getColumns()
                .add(Columns.wrapped(
                        "medication.times",
                        o -> Medication.formatTimes(o.times()).replace(",", ", "),
                        110));
        TableColumn<Medication.Order, String> start =
                Columns.text("medication.start", o -> Dates.format(o.start()), 95);
        TableColumn<Medication.Order, String> end = Columns.text("medication.end", o -> Dates.format(o.end()), 95);
        start.setMinWidth(90); // a date is never cut to "2026-11…" when the file pane is narrow
        end.setMinWidth(90);
        orderTable.getColumns().add(start);
        orderTable.getColumns().add(end);
        orderTable.getColumns().add(warningsColumn());
        // the warnings take the width left and wrap: no sideways scroll at 1366×768
        orderTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return orderTable;
    }

    /**
     * An order's warnings in one column, each on its line with an icon, never a colour alone: made despite an allergy
     * (with the reason), an allergy not covered, above the dose maximum (with the reason). One wrapping column that
     * takes the width left, so the table fits a 1366-pixel screen without a sideways scroll in either language.
     */
    private TableColumn<Medication.Order, Medication.Order> warningsColumn() {
        TableColumn<Medication.Order, Medication.Order> c = new TableColumn<>(Messages.t("medication.warningsColumn"));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue()));
        MarkedTextCell.on(c, o -> {
            List<String> lines = warnings(o);
            return new MarkedTextCell.Shown(lines.isEmpty() ? null : String.join("\n", lines), true);
        });
        c.setMinWidth(180);
        c.setPrefWidth(260);
        return c;
    }

    /** The warnings of an order, allergy first. An allergy recorded after the override is not covered by it. */
    private List<String> warnings(Medication.Order o) {
        List<String> lines = new java.util.ArrayList<>();
        List<AllergyConflict> now = model.conflicts(o);
        if (o.overridden() || !now.isEmpty()) {
            lines.add(
                    o.covers(now)
                            ? Messages.t("medication.overrideMark", o.allergyOverride())
                            : Messages.t(
                                    "medication.unconfirmedConflict",
                                    Messages.clauses(now.stream()
                                            .filter(a -> !o.overrideCovers()
                                                    .contains(a.allergy().id()))
                                            .map(AllergyConflict::message)
                                            .toList())));
        }
        if (o.doseOverride() != null) {
            lines.add(Messages.t("medication.doseLimitMark", o.doseOverride()));
        }
        return lines;
    }

    /** The dose, marked beside it when above the maximum (the reason is in the warnings column). */
    private TableColumn<Medication.Order, Medication.Order> doseColumn() {
        TableColumn<Medication.Order, Medication.Order> c = new TableColumn<>(Messages.t("medication.dose"));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue()));
        // "8000 mg（超上限）" read whole in a narrow file pane; the reason is in the warnings column
        MarkedTextCell.on(c, o -> {
            boolean marked = o.doseOverride() != null;
            return new MarkedTextCell.Shown(
                    o.dose() + (marked ? " " + Messages.t("medication.doseLimitShort") : ""), marked);
        });
        c.setPrefWidth(130);
        return c;
    }

    private Node marTable() {
        marTable.setId("marTable");
        marTable.setPrefHeight(180);
        marTable.setItems(model.mar());
        marTable.getColumns()
                .add(Columns.text(
                        "medication.scheduled", a -> a.scheduledFor().toString().replace('T', ' '), 140));
        marTable.getColumns()
                .add(Columns.text(
                        "medication.drug",
                        a -> a.drug() + " " + a.dose()
                                + (a.doseOverride() == null
                                        ? ""
                                        : " " + Messages.t("medication.doseLimitMark", a.doseOverride())),
                        150));
        marTable.getColumns()
                .add(Columns.text(
                        "medication.outcome",
                        a -> a.outcome().label() + InlineForms.voidMark(a.voided(), a.voidReason()),
                        180));
        marTable.getColumns().add(Columns.text("residents.col.by", a -> Accounts.displayName(a.recordedBy()), 90));
        marTable.getColumns()
                .add(Columns.text(
                        "medication.recordedAt",
                        a -> a.recordedAt().toLocalTime().withNano(0).toString(),
                        80));
        return marTable;
    }

    @Override
    public FilePartViewModel<?> model() {
        return model;
    }

    @Override
    public String title() {
        return Messages.t("careDomain.MEDICAL");
    }

    @Override
    public Node node() {
        return root;
    }
}
