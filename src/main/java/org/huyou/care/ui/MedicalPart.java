package org.huyou.care.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
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
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyConflict;
import org.huyou.care.medical.AllergyConflictException;
import org.huyou.care.medical.AllergyService;
import org.huyou.care.medical.DrugClass;
import org.huyou.care.medical.FormularyDrug;
import org.huyou.care.medical.FormularyService;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.Medication;
import org.huyou.care.medical.MedicationService;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.HintWidth;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The medical part of the file: allergies (a substance or a drug class), medical records, medication orders picked
 * from the formulary and checked against the allergies, and the administration record with voided doses marked.
 */
public final class MedicalPart extends LoadingPart<MedicalPart.Loaded> {

    private final AllergyService allergies;
    private final MedicalRecordService records;
    private final MedicationService medication;
    private final FormularyService formulary;
    /** The formulary by drug name, for the picker's second line; loaded once in the background. */
    private final Map<String, FormularyDrug> drugsByName = new LinkedHashMap<>();

    private final ComboBox<String> drugPicker = new ComboBox<>();
    private boolean narrowing;
    private final Label drugInfo = new Label();
    private final ComboBox<DrugClass> allergyClass = new ComboBox<>();
    private final TableView<Allergy> allergyTable = new TableView<>();
    private final TableView<MedicalRecord> recordTable = new TableView<>();
    private final TableView<Medication.Order> orderTable = new TableView<>();
    /** Each order's conflicts with the allergies as they stand now (an allergy recorded after the order too). */
    private Map<Long, List<AllergyConflict>> orderConflicts = Map.of();

    private final TableView<Medication.Administration> marTable = new TableView<>();
    private final VBox root;
    private final MedicalFundingPane funding;
    private final TomorrowPlanPane tomorrowPlan;

    public MedicalPart(
            AllergyService allergies,
            MedicalRecordService records,
            MedicationService medication,
            FormularyService formulary,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        super(tasks, dialogs, clock);
        this.allergies = allergies;
        this.records = records;
        this.medication = medication;
        this.formulary = formulary;
        boolean canCreate = user.can(AppModule.MEDICAL, Action.CREATE);
        VBox content = new VBox(8);
        content.setPadding(new Insets(8));
        boolean canVoid = user.can(AppModule.MEDICAL, Action.VOID);
        Runnable changed = changed();
        funding = new MedicalFundingPane(records, tasks, dialogs, canCreate, recordTable, changed);
        tomorrowPlan = new TomorrowPlanPane(records, tasks, dialogs, canCreate, canVoid, today(), changed);
        content.getChildren()
                .addAll(
                        InlineForms.heading("allergy.title"),
                        allergyForm(canCreate),
                        allergyTable(),
                        VoidButton.under(
                                allergyTable,
                                canVoid,
                                Allergy::voided,
                                (a, why) -> allergies.voidAllergy(a.id(), why),
                                tasks,
                                dialogs,
                                changed),
                        InlineForms.heading("medical.records"),
                        recordForm(canCreate),
                        recordTable(),
                        VoidButton.under(
                                recordTable,
                                canVoid,
                                MedicalRecord::voided,
                                (r, why) -> records.voidRecord(r.id(), why),
                                tasks,
                                dialogs,
                                changed),
                        funding.node(),
                        tomorrowPlan.node(),
                        InlineForms.heading("medication.orders"),
                        orderForm(canCreate),
                        orderTable(),
                        VoidButton.under(
                                orderTable,
                                canVoid,
                                Medication.Order::voided,
                                (o, why) -> medication.voidOrder(o.id(), why),
                                tasks,
                                dialogs,
                                changed),
                        InlineForms.heading("medication.mar"),
                        marTable(),
                        voidDose(user, changed));
        loadFormulary();
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root = new VBox(scroll);
    }

    /** A dose recorded in error, after its 撤销 is gone: voided with a reason; it stays in the record, marked. */
    private Node voidDose(CurrentUser user, Runnable changed) {
        Button b = VoidButton.under(
                marTable,
                user.can(AppModule.MEDICATION_ROUNDS, Action.VOID),
                Medication.Administration::voided,
                (a, why) -> medication.voidDose(a.id(), why),
                tasks,
                dialogs,
                changed);
        b.setId("voidDose");
        return b;
    }

    private Node allergyForm(boolean canCreate) {
        TextField substance = new TextField();
        substance.setId("allergySubstance");
        substance.setPromptText(Messages.t("allergy.substance"));
        TextField reaction = new TextField();
        reaction.setPromptText(Messages.t("allergy.reaction"));
        ComboBox<Allergy.Severity> severity = new ComboBox<>();
        severity.getItems().addAll(Allergy.Severity.values());
        severity.setConverter(Converters.coded());
        severity.setValue(Allergy.Severity.MODERATE);
        // A drug class, or none for a substance typed in free text (a food, or a drug by name).
        allergyClass.setId("allergyClass");
        allergyClass.setConverter(Converters.of(DrugClass::label, Messages.t("allergy.freeText")));
        allergyClass.setPromptText(Messages.t("allergy.drugClass"));
        Button add = new Button(Messages.t("allergy.add"));
        add.setId("addAllergy");
        add.setOnAction(e -> {
            DrugClass c = allergyClass.getValue();
            save(
                    () -> allergies.add(
                            residentId,
                            substance.getText(),
                            c == null ? null : c.code(),
                            reaction.getText(),
                            severity.getValue(),
                            null),
                    substance,
                    reaction);
            allergyClass.setValue(null);
        });
        return InlineForms.row(canCreate, allergyClass, substance, reaction, severity, add);
    }

    private Node allergyTable() {
        allergyTable.setId("allergyTable");
        allergyTable.setPrefHeight(110);
        allergyTable.setPlaceholder(new Label(Messages.t("allergy.none")));
        allergyTable.getColumns().add(Columns.text("allergy.substance", Allergy::substance, 140));
        allergyTable.getColumns().add(Columns.text("allergy.drugClass", a -> DrugClass.label(a.drugClass()), 110));
        allergyTable
                .getColumns()
                .add(Columns.text("allergy.severity", a -> a.severity().label(), 80));
        allergyTable.getColumns().add(Columns.text("allergy.reaction", a -> nz(a.reaction()), 200));
        allergyTable.getColumns().add(Columns.text("allergy.notedOn", a -> Dates.format(a.notedOn()), 100));
        return allergyTable;
    }

    private Node recordForm(boolean canCreate) {
        ComboBox<MedicalRecord.Kind> kind = new ComboBox<>();
        kind.setId("medicalKind");
        kind.getItems().addAll(MedicalRecord.Kind.values());
        kind.setConverter(Converters.coded());
        kind.setValue(MedicalRecord.Kind.CHECKUP);
        DateField date = new DateField();
        date.setValue(today());
        TextField title = new TextField();
        title.setId("medicalTitle");
        title.setPromptText(Messages.t("medical.title"));
        HintWidth.fit(title);
        TextField detail = new TextField();
        detail.setPromptText(Messages.t("medical.detail"));
        ComboBox<MedicalRecord.Funding> funding = new ComboBox<>();
        funding.getItems().add(null);
        funding.getItems().addAll(MedicalRecord.Funding.values());
        funding.setConverter(Converters.of(MedicalRecord.Funding::label, Messages.t("medical.noFunding")));
        DateField next = new DateField();
        next.setPromptText(Messages.t("medical.nextDueLabel"));
        Button add = new Button(Messages.t("medical.add"));
        add.setId("addMedicalRecord");
        add.setOnAction(e -> {
            date.commitText();
            next.commitText();
            save(
                    () -> records.add(
                            residentId,
                            kind.getValue(),
                            date.getValue(),
                            title.getText(),
                            detail.getText(),
                            funding.getValue(),
                            next.getValue()),
                    title,
                    detail);
        });
        return InlineForms.row(canCreate, kind, date, title, detail, funding, next, add);
    }

    private Node recordTable() {
        recordTable.setId("medicalRecordTable");
        recordTable.setPrefHeight(180);
        recordTable.getColumns().add(Columns.text("growth.col.date", r -> Dates.format(r.date()), 95));
        recordTable.getColumns().add(Columns.text("medical.kind", r -> r.kind().label(), 80));
        recordTable
                .getColumns()
                .add(Columns.text(
                        "medical.title",
                        r -> r.title() + (r.voided() ? " " + Messages.t("timeline.voided", r.voidReason()) : ""),
                        150));
        recordTable.getColumns().add(Columns.text("medical.detail", r -> nz(r.detail()), 160));
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
        // Picked from the formulary: type to narrow the list; the line under it names the ingredient and class.
        drugPicker.setId("orderDrug");
        drugPicker.setEditable(true);
        drugPicker.setPromptText(Messages.t("medication.drugPick"));
        HintWidth.fit(drugPicker, drugPicker.getEditor());
        drugPicker.setPrefWidth(180);
        drugPicker.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                FormularyDrug d = name == null ? null : drugsByName.get(name);
                setText(empty || name == null ? null : d == null ? name : name + "  —  " + d.description());
            }
        });
        drugPicker.getEditor().textProperty().addListener((obs, was, text) -> narrow(text));
        drugInfo.setId("orderDrugInfo");
        TextField dose = new TextField();
        dose.setId("orderDose");
        // Each box says what to type, with an example; the tooltip keeps it once the box is filled.
        hint(dose, "medication.doseHint", "medication.doseTip");
        dose.setPrefColumnCount(13);
        TextField times = new TextField();
        times.setId("orderTimes");
        hint(times, "medication.timesHint", "medication.timesTip");
        times.setPrefColumnCount(15);
        DateField start = new DateField();
        start.setValue(today());
        DateField end = new DateField();
        end.setPromptText(Messages.t("medication.endHint"));
        Button add = new Button(Messages.t("medication.prescribe"));
        add.setId("prescribe");
        add.setOnAction(e -> {
            start.commitText();
            end.commitText();
            prescribe(drugPicker.getEditor().getText(), dose, times, start, end, null);
        });
        Button newDrug = new Button(Messages.t("formulary.add"), Icons.ADD.icon());
        newDrug.setId("addFormularyDrug");
        newDrug.setOnAction(e -> addDrugDialog());
        VBox picker = new VBox(2, InlineForms.fieldLabel(drugPicker), drugInfo);
        return InlineForms.row(canCreate, picker, dose, times, start, end, add, newDrug);
    }

    private static void hint(TextField field, String prompt, String tip) {
        field.setPromptText(Messages.t(prompt));
        field.setTooltip(new Tooltip(Messages.t(tip)));
        HintWidth.fit(field);
    }

    /**
     * Orders the drug; when the service refuses it for an allergy, shows the conflicts and asks medical staff for the
     * reason to order it anyway (取消 leaves nothing ordered), then orders it with that reason through the same method.
     */
    private void prescribe(
            String drug, TextField dose, TextField times, DateField start, DateField end, String override) {
        if (residentId == null) {
            return;
        }
        long id = residentId;
        tasks.run(
                () -> medication.prescribe(
                        id, drug, dose.getText(), times.getText(), start.getValue(), end.getValue(), null, override),
                saved -> {
                    drugPicker.getEditor().clear();
                    dose.clear();
                    times.clear();
                    changed().run();
                },
                failure -> {
                    if (failure instanceof AllergyConflictException conflict && override == null) {
                        dialogs.askReason(
                                        Messages.t("medication.overrideTitle"),
                                        Messages.t(
                                                "medication.overrideText",
                                                drug,
                                                conflict.conflicts().stream()
                                                        .map(c -> "• " + c.message())
                                                        .collect(Collectors.joining("\n"))),
                                        Messages.t("medication.overrideReason", MedicationService.MIN_OVERRIDE_REASON),
                                        Messages.t("medication.orderAnyway"),
                                        MedicationService.MIN_OVERRIDE_REASON)
                                .ifPresent(reason -> prescribe(drug, dose, times, start, end, reason));
                    } else {
                        dialogs.showError(failure);
                    }
                });
    }

    private void loadFormulary() {
        tasks.run(
                () -> Map.entry(formulary.drugs(), formulary.classes()),
                data -> {
                    drugsByName.clear();
                    for (FormularyDrug d : data.getKey()) {
                        drugsByName.putIfAbsent(d.name(), d);
                    }
                    allergyClass.getItems().setAll(new ArrayList<DrugClass>(Collections.singletonList(null)));
                    // By name in the user's language, "other" last: the file's order is by pharmacology, not for
                    // finding.
                    Comparator<DrugClass> otherLast = Comparator.comparing(c -> "OTHER".equals(c.code()));
                    allergyClass
                            .getItems()
                            .addAll(data.getValue().stream()
                                    .sorted(otherLast.thenComparing(Messages.byText(DrugClass::label)))
                                    .toList());
                    narrow(drugPicker.getEditor().getText());
                },
                dialogs::showError);
    }

    /** The drugs whose name, ingredient or class contains the typed text; the info line for an exact name. */
    private void narrow(String text) {
        if (narrowing) {
            return; // the combo box rewrites its editor when its items change: not a new search
        }
        narrowing = true;
        try {
            narrowTo(text == null ? "" : text);
        } finally {
            narrowing = false;
        }
    }

    private void narrowTo(String typed) {
        String t = typed.strip();
        List<String> names = drugsByName.values().stream()
                .filter(d -> t.isEmpty()
                        || d.name().contains(t)
                        || d.ingredient().contains(t)
                        || DrugClass.label(d.drugClass()).contains(t))
                .map(FormularyDrug::name)
                .toList();
        if (!names.equals(drugPicker.getItems())) {
            drugPicker.getItems().setAll(names);
            if (!typed.equals(drugPicker.getEditor().getText())) {
                drugPicker.getEditor().setText(typed);
                drugPicker.getEditor().positionCaret(typed.length());
            }
        }
        FormularyDrug exact = drugsByName.get(t);
        drugInfo.setText(exact == null ? (t.isEmpty() ? "" : Messages.t("medication.notPicked")) : exact.description());
    }

    /** A drug the formulary lacks: its name, ingredient and class (the allergy check needs both), forms, units. */
    private void addDrugDialog() {
        Dialog<Boolean> dialog = dialogs.dialog();
        dialog.setTitle(Messages.t("formulary.add"));
        dialog.setHeaderText(Messages.t("formulary.addText"));
        TextField name = InlineForms.text("newDrugName", "formulary.name");
        name.setText(drugPicker.getEditor().getText());
        TextField ingredient = InlineForms.text("newDrugIngredient", "formulary.ingredient");
        ComboBox<DrugClass> cls = new ComboBox<>();
        cls.setId("newDrugClass");
        cls.getItems()
                .addAll(allergyClass.getItems().stream()
                        .filter(Objects::nonNull)
                        .toList());
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
        dialog.showAndWait()
                .filter(Boolean::booleanValue)
                .ifPresent(ok -> tasks.run(
                        () -> formulary.addDrug(
                                name.getText(),
                                ingredient.getText(),
                                cls.getValue() == null ? null : cls.getValue().code(),
                                forms.getText(),
                                units.getText()),
                        added -> {
                            dialogs.notifySuccess(Messages.t("formulary.added", added.name()));
                            loadFormulary();
                            drugPicker.getEditor().setText(added.name());
                        },
                        dialogs::showError));
    }

    private Node orderTable() {
        orderTable.setId("orderTable");
        orderTable.setPrefHeight(130);
        orderTable
                .getColumns()
                .add(Columns.text(
                        "medication.drug",
                        o -> o.drug() + (o.voided() ? " " + Messages.t("timeline.voided", "") : ""),
                        140));
        orderTable.getColumns().add(Columns.text("medication.dose", Medication.Order::dose, 90));
        orderTable.getColumns().add(Columns.text("medication.times", o -> Medication.formatTimes(o.times()), 110));
        orderTable.getColumns().add(Columns.text("medication.start", o -> Dates.format(o.start()), 95));
        orderTable.getColumns().add(Columns.text("medication.end", o -> Dates.format(o.end()), 95));
        orderTable.getColumns().add(overrideColumn());
        return orderTable;
    }

    /** An order made despite an allergy: an icon and the words, never a colour alone; the reason beside them. */
    private TableColumn<Medication.Order, Medication.Order> overrideColumn() {
        TableColumn<Medication.Order, Medication.Order> c = new TableColumn<>(Messages.t("medication.allergyColumn"));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Medication.Order o, boolean empty) {
                super.updateItem(o, empty);
                List<AllergyConflict> now =
                        empty || o == null ? List.of() : orderConflicts.getOrDefault(o.id(), List.of());
                boolean marked = !empty && o != null && (o.overridden() || !now.isEmpty());
                setGraphic(marked ? Icons.WARNING.icon() : null);
                // An allergy recorded after the override is not covered by it: it shows as unconfirmed.
                setText(
                        !marked
                                ? null
                                : o.covers(now)
                                        ? Messages.t("medication.overrideMark", o.allergyOverride())
                                        : Messages.t(
                                                "medication.unconfirmedConflict",
                                                Messages.clauses(now.stream()
                                                        .filter(a -> !o.overrideCovers()
                                                                .contains(a.allergy()
                                                                        .id()))
                                                        .map(AllergyConflict::message)
                                                        .toList())));
                setTooltip(marked ? new Tooltip(getText()) : null);
            }
        });
        c.setPrefWidth(260);
        return c;
    }

    private Node marTable() {
        marTable.setId("marTable");
        marTable.setPrefHeight(180);
        marTable.getColumns()
                .add(Columns.text(
                        "medication.scheduled", a -> a.scheduledFor().toString().replace('T', ' '), 140));
        marTable.getColumns().add(Columns.text("medication.drug", a -> a.drug() + " " + a.dose(), 150));
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
    public String title() {
        return Messages.t("careDomain.MEDICAL");
    }

    @Override
    public Node node() {
        return root;
    }

    /** What the tab shows for one resident. */
    record Loaded(
            List<Allergy> allergies,
            List<MedicalRecord> records,
            Medication.Orders orders,
            List<Medication.Administration> mar,
            Map<Long, MedicalFunding> fundings,
            List<TomorrowPlanApplication> applications) {}

    @Override
    protected Loaded load(long id) {
        return new Loaded(
                allergies.current(id),
                records.records(id),
                medication.ordersWithConflicts(id),
                medication.administrations(id, 200),
                records.fundings(id),
                records.tomorrowPlanApplications(id));
    }

    @Override
    protected void fill(Loaded l) {
        allergyTable.getItems().setAll(l.allergies());
        recordTable.getItems().setAll(l.records());
        orderConflicts = l.orders().conflicts();
        orderTable.getItems().setAll(l.orders().orders());
        orderTable.refresh();
        marTable.getItems().setAll(l.mar());
        funding.fill(l.fundings());
        tomorrowPlan.fill(residentId, l.applications());
    }

    @Override
    protected void clear() {
        allergyTable.getItems().clear();
        recordTable.getItems().clear();
        orderConflicts = Map.of();
        orderTable.getItems().clear();
        marTable.getItems().clear();
        funding.clear();
        tomorrowPlan.clear();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
