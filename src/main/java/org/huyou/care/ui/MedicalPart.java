package org.huyou.care.ui;

import org.huyou.security.Accounts;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyService;
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
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.ResidentFilePart;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** The medical part of the file: allergies, medical records, medication orders and the administration record. */
public final class MedicalPart extends LoadingPart<MedicalPart.Loaded> {

    private final AllergyService allergies;
    private final MedicalRecordService records;
    private final MedicationService medication;
    private final TableView<Allergy> allergyTable = new TableView<>();
    private final TableView<MedicalRecord> recordTable = new TableView<>();
    private final TableView<Medication.Order> orderTable = new TableView<>();
    private final TableView<Medication.Administration> marTable = new TableView<>();
    private final VBox root;

    public MedicalPart(AllergyService allergies, MedicalRecordService records, MedicationService medication,
                       TaskRunner tasks, DialogService dialogs, CurrentUser user) {
        super(tasks, dialogs);
        this.allergies = allergies;
        this.records = records;
        this.medication = medication;
        boolean canCreate = user.can(AppModule.MEDICAL, Action.CREATE);
        VBox content = new VBox(8);
        content.setPadding(new Insets(8));
        boolean canVoid = user.can(AppModule.MEDICAL, Action.VOID);
        Runnable changed = changed();
        content.getChildren().addAll(InlineForms.heading("allergy.title"), allergyForm(canCreate), allergyTable(),
                org.huyou.common.ui.VoidButton.under(allergyTable, canVoid, Allergy::voided,
                        (a, why) -> allergies.voidAllergy(a.id(), why), tasks, dialogs, changed),
                InlineForms.heading("medical.records"), recordForm(canCreate), recordTable(),
                org.huyou.common.ui.VoidButton.under(recordTable, canVoid, MedicalRecord::voided,
                        (r, why) -> records.voidRecord(r.id(), why), tasks, dialogs, changed),
                InlineForms.heading("medication.orders"), orderForm(canCreate), orderTable(),
                org.huyou.common.ui.VoidButton.under(orderTable, canVoid, Medication.Order::voided,
                        (o, why) -> medication.voidOrder(o.id(), why), tasks, dialogs, changed),
                InlineForms.heading("medication.mar"), marTable());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root = new VBox(scroll);
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
        Button add = new Button(Messages.t("allergy.add"));
        add.setId("addAllergy");
        add.setOnAction(e -> save(() -> allergies.add(residentId, substance.getText(), reaction.getText(),
                severity.getValue(), null), substance, reaction));
        return InlineForms.row(canCreate, substance, reaction, severity, add);
    }

    private Node allergyTable() {
        allergyTable.setId("allergyTable");
        allergyTable.setPrefHeight(110);
        allergyTable.setPlaceholder(new Label(Messages.t("allergy.none")));
        allergyTable.getColumns().add(Columns.text("allergy.substance", Allergy::substance, 140));
        allergyTable.getColumns().add(Columns.text("allergy.severity", a -> a.severity().label(), 80));
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
        date.setValue(java.time.LocalDate.now());
        TextField title = new TextField();
        title.setId("medicalTitle");
        title.setPromptText(Messages.t("medical.title"));
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
            save(() -> records.add(residentId, kind.getValue(), date.getValue(), title.getText(), detail.getText(),
                    funding.getValue(), next.getValue()), title, detail);
        });
        return InlineForms.row(canCreate, kind, date, title, detail, funding, next, add);
    }

    private Node recordTable() {
        recordTable.setId("medicalRecordTable");
        recordTable.setPrefHeight(180);
        recordTable.getColumns().add(Columns.text("growth.col.date", r -> Dates.format(r.date()), 95));
        recordTable.getColumns().add(Columns.text("medical.kind", r -> r.kind().label(), 80));
        recordTable.getColumns().add(Columns.text("medical.title", r -> r.title() + (r.voided()
                ? " " + Messages.t("timeline.voided", r.voidReason()) : ""), 150));
        recordTable.getColumns().add(Columns.text("medical.detail", r -> nz(r.detail()), 160));
        recordTable.getColumns().add(Columns.text("medical.funding", r -> r.funding() == null ? ""
                : r.funding().label(), 90));
        recordTable.getColumns().add(Columns.text("medical.nextDueLabel", r -> Dates.format(r.nextDue()), 95));
        return recordTable;
    }

    private Node orderForm(boolean canCreate) {
        TextField drug = new TextField();
        drug.setId("orderDrug");
        drug.setPromptText(Messages.t("medication.drug"));
        TextField dose = new TextField();
        dose.setId("orderDose");
        dose.setPromptText(Messages.t("medication.dose"));
        TextField times = new TextField();
        times.setId("orderTimes");
        times.setPromptText("08:00,20:00");
        DateField start = new DateField();
        start.setValue(java.time.LocalDate.now());
        DateField end = new DateField();
        end.setPromptText(Messages.t("medication.end"));
        Button add = new Button(Messages.t("medication.prescribe"));
        add.setId("prescribe");
        add.setOnAction(e -> {
            start.commitText();
            end.commitText();
            save(() -> medication.prescribe(residentId, drug.getText(), dose.getText(), times.getText(),
                    start.getValue(), end.getValue(), null), drug, dose, times);
        });
        return InlineForms.row(canCreate, drug, dose, times, start, end, add);
    }

    private Node orderTable() {
        orderTable.setId("orderTable");
        orderTable.setPrefHeight(130);
        orderTable.getColumns().add(Columns.text("medication.drug", o -> o.drug() + (o.voided()
                ? " " + Messages.t("timeline.voided", "") : ""), 140));
        orderTable.getColumns().add(Columns.text("medication.dose", Medication.Order::dose, 90));
        orderTable.getColumns().add(Columns.text("medication.times", o -> Medication.formatTimes(o.times()), 110));
        orderTable.getColumns().add(Columns.text("medication.start", o -> Dates.format(o.start()), 95));
        orderTable.getColumns().add(Columns.text("medication.end", o -> Dates.format(o.end()), 95));
        return orderTable;
    }

    private Node marTable() {
        marTable.setId("marTable");
        marTable.setPrefHeight(180);
        marTable.getColumns().add(Columns.text("medication.scheduled", a -> a.scheduledFor().toString()
                .replace('T', ' '), 140));
        marTable.getColumns().add(Columns.text("medication.drug", a -> a.drug() + " " + a.dose(), 150));
        marTable.getColumns().add(Columns.text("medication.outcome", a -> a.outcome().label(), 80));
        marTable.getColumns().add(Columns.text("residents.col.by", a -> Accounts.displayName(a.recordedBy()), 90));
        marTable.getColumns().add(Columns.text("medication.recordedAt", a -> a.recordedAt().toLocalTime()
                .withNano(0).toString(), 80));
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
    record Loaded(java.util.List<Allergy> allergies, java.util.List<MedicalRecord> records,
                  java.util.List<Medication.Order> orders, java.util.List<Medication.Administration> mar) {
    }

    @Override
    protected Loaded load(long id) {
        return new Loaded(allergies.current(id), records.records(id), medication.orders(id),
                medication.administrations(id, 200));
    }

    @Override
    protected void fill(Loaded l) {
        allergyTable.getItems().setAll(l.allergies());
        recordTable.getItems().setAll(l.records());
        orderTable.getItems().setAll(l.orders());
        marTable.getItems().setAll(l.mar());
    }

    @Override
    protected void clear() {
        allergyTable.getItems().clear();
        recordTable.getItems().clear();
        orderTable.getItems().clear();
        marTable.getItems().clear();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
