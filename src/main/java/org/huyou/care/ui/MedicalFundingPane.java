package org.huyou.care.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.PaymentChoice;
import org.huyou.common.Dates;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.common.ui.UnsavedChanges;
import org.huyou.common.ui.UnsavedChangesGuard;

/**
 * The cost of the surgery or treatment selected in the medical records table and what each source paid: shown as
 * the record's detail, and entered or corrected in a form whose problems are said beside the field they concern.
 * A share paid from donations names the medical fund's payment in the ledger, picked from the open ones.
 */
final class MedicalFundingPane {

    /** The service's field names, in the order the form shows them (the first with a problem gets the focus). */
    private static final List<String> AMOUNTS = List.of("cost", "tomorrowPlan", "insurance", "donation", "institution");

    private final MedicalRecordService records;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TableView<MedicalRecord> recordTable;
    private final Runnable changed;
    private final boolean canCreate;
    private final Map<String, TextField> amounts = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final ComboBox<PaymentChoice> payment = new ComboBox<>();
    /** How many times the form was filled: a payments lookup answers only the latest fill. */
    private long fills;

    private final Label detail = new Label();
    private final Label sum = new Label();
    private final FormGrid form = new FormGrid();
    private final VBox root;
    private Map<Long, MedicalFunding> fundings = Map.of();
    private Long shown;
    /** The version of the funding the form was filled from: a save over someone else's newer one is refused. */
    private int shownVersion = -1;
    /** The ledger payment the shown funding names (null for none): another one picked is unsaved input too. */
    private Long shownPayment;
    /** The payment list being filled: its choice is the saved one, not a new pick whose amount fills the share. */
    private boolean fillingPayments;

    private final TypedInput typed;
    /** The shares typed and the payment picked, asked about before another record replaces them. */
    private final UnsavedChanges unsaved = new UnsavedChanges() {
        @Override
        public boolean isDirty() {
            return typed.isDirty() || paymentChanged();
        }

        @Override
        public void save(Consumer<Boolean> done) {
            MedicalFundingPane.this.save(done);
        }

        @Override
        public void discard() {
            recordTable.getItems().stream()
                    .filter(x -> shown != null && x.id() == shown)
                    .findFirst()
                    .ifPresent(MedicalFundingPane.this::fillForm);
        }
    };

    private final UnsavedChangesGuard guard;

    MedicalFundingPane(
            MedicalRecordService records,
            TaskRunner tasks,
            DialogService dialogs,
            boolean canCreate,
            TableView<MedicalRecord> recordTable,
            Runnable changed) {
        this.records = records;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.recordTable = recordTable;
        this.changed = changed;
        this.canCreate = canCreate;
        this.typed = new TypedInput(form, tasks, dialogs);
        this.guard = new UnsavedChangesGuard(dialogs);
        detail.setId("fundingDetail");
        detail.setWrapText(true);
        sum.setId("fundingSum");
        for (String name : AMOUNTS) {
            TextField t = new TextField();
            t.setId("funding_" + name);
            t.setPrefColumnCount(10);
            t.setAlignment(Pos.CENTER_RIGHT);
            t.textProperty().addListener((o, a, b) -> updateSum());
            amounts.put(name, t);
            errors.put(name, new SimpleStringProperty(""));
            form.field(Messages.t("medicalFunding." + name), "cost".equals(name), t, errors.get(name));
            if ("donation".equals(name)) {
                payment.setId("fundingPayment");
                payment.setMaxWidth(Double.MAX_VALUE);
                payment.setConverter(Converters.of(
                        p -> Messages.t(
                                "medicalFunding.paymentChoice",
                                p.seq(),
                                Dates.format(p.date()),
                                Money.format(p.amount()),
                                InlineForms.nz(p.payee())),
                        Messages.t("medicalFunding.noPayment")));
                // the payment's amount is the donation share: picking one fills it in
                payment.valueProperty().addListener((o, a, p) -> {
                    if (p != null && !fillingPayments) {
                        amounts.get("donation").setText(p.amount().toPlainString());
                    }
                });
                errors.put("ledgerSeq", new SimpleStringProperty(""));
                form.field(Messages.t("medicalFunding.ledgerSeq"), false, payment, errors.get("ledgerSeq"));
            }
        }
        Button save = new Button(Messages.t("medicalFunding.save"));
        save.setId("saveFunding");
        save.setOnAction(e -> save(ok -> {}));
        form.add(new HBox(12, save, sum), 1, AMOUNTS.size() + 1);
        TypedInput.savedBy(form, save);
        form.setVisible(canCreate);
        form.setManaged(canCreate);
        root = new VBox(4, InlineForms.heading("medicalFunding.title"), detail, form);
        root.setId("fundingPane");
        recordTable.getSelectionModel().selectedItemProperty().addListener((o, was, r) -> selected(r));
        show(null);
    }

    Node node() {
        return root;
    }

    /** The resident's fundings, after the records table was filled: the record shown before stays shown. */
    void fill(Map<Long, MedicalFunding> byRecord) {
        fundings = byRecord;
        Long keep = shown;
        if (keep != null) {
            recordTable.getItems().stream()
                    .filter(r -> r.id() == keep)
                    .findFirst()
                    .ifPresent(r -> recordTable.getSelectionModel().select(r));
        }
        show(recordTable.getSelectionModel().getSelectedItem());
    }

    void clear() {
        fundings = Map.of();
        shown = null;
        show(null);
    }

    /**
     * Another record chosen while shares typed for the shown one are unsaved: asked first (保存 saves them to the
     * record they were typed for). Asked once the table has finished its click, as the resident list does.
     */
    private void selected(MedicalRecord r) {
        if (r == null || shown == null || r.id() == shown || !unsaved.isDirty()) {
            show(r);
            return;
        }
        long chosen = r.id();
        long typedFor = shown;
        Platform.runLater(() -> {
            MedicalRecord now = recordTable.getSelectionModel().getSelectedItem();
            if (now != null && now.id() == chosen) { // not a reload that went back to the shown record meanwhile
                guard.leave(unsaved, () -> select(chosen), () -> select(typedFor));
            }
        });
    }

    /** Selects the record with this id as the table now has it (a save reloads the table); shows it either way. */
    private void select(long id) {
        MedicalRecord r = recordTable.getItems().stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElse(null);
        if (r == null || r == recordTable.getSelectionModel().getSelectedItem()) {
            show(r == null ? recordTable.getSelectionModel().getSelectedItem() : r);
        } else {
            recordTable.getSelectionModel().select(r);
        }
    }

    private static boolean funded(MedicalRecord r) {
        return r != null
                && !r.voided()
                && (r.kind() == MedicalRecord.Kind.SURGERY || r.kind() == MedicalRecord.Kind.TREATMENT);
    }

    private void show(MedicalRecord r) {
        boolean visible = funded(r);
        root.setVisible(visible);
        root.setManaged(visible);
        if (!visible) {
            shown = r == null ? shown : null;
            return;
        }
        MedicalFunding f = fundings.get(r.id());
        detail.setText(describe(r, f));
        if (shown != null && shown == r.id() && unsaved.isDirty()) {
            return; // the same record again (a reload after another save on the tab): the typing stays as it is
        }
        fillForm(r);
    }

    /** The form shows what is saved for {@code r}; its payments are looked up in the background. */
    private void fillForm(MedicalRecord r) {
        MedicalFunding f = fundings.get(r.id());
        errors.values().forEach(p -> p.set(""));
        shown = r.id();
        shownVersion = f == null ? -1 : f.version();
        shownPayment = f == null ? null : f.ledgerSeq();
        amounts.get("cost").setText(f == null ? "" : f.cost().toPlainString());
        amounts.get("tomorrowPlan").setText(f == null ? "" : f.tomorrowPlan().toPlainString());
        amounts.get("insurance").setText(f == null ? "" : f.insurance().toPlainString());
        amounts.get("donation").setText(f == null ? "" : f.donation().toPlainString());
        amounts.get("institution").setText(f == null ? "" : f.institution().toPlainString());
        TypedInput.saved(form);
        payment.getItems().clear();
        long fill = ++fills;
        if (canCreate) {
            long id = r.id();
            Long linked = shownPayment;
            tasks.run(
                    () -> records.openMedicalPayments(id),
                    choices -> {
                        if (fill != fills) {
                            // the form was filled again meanwhile (another record, or this one once its funding was
                            // reloaded): an older lookup finishing last would put back an older payment choice
                            return;
                        }
                        List<PaymentChoice> items = new ArrayList<>();
                        items.add(null);
                        items.addAll(choices);
                        // the saved share stays, not the payment's amount; what the nurse typed meanwhile stays unsaved
                        fillingPayments = true;
                        try {
                            payment.getItems().setAll(items);
                            payment.setValue(choices.stream()
                                    .filter(p -> Long.valueOf(p.seq()).equals(linked))
                                    .findFirst()
                                    .orElse(null));
                        } finally {
                            fillingPayments = false;
                        }
                    },
                    dialogs::showError);
        }
    }

    /** The record's funding in one paragraph: the cost, each source's share, what is unpaid, and the payment. */
    static String describe(MedicalRecord r, MedicalFunding f) {
        if (f == null) {
            return Messages.t("medicalFunding.none", r.kind().label());
        }
        String text = Messages.t(
                "medicalFunding.detail",
                Money.format(f.cost()),
                Money.format(f.tomorrowPlan()),
                Money.format(f.insurance()),
                Money.format(f.donation()),
                Money.format(f.institution()),
                Money.format(f.unpaid()));
        return f.ledgerSeq() == null ? text : text + " " + Messages.t("medicalFunding.paidWith", f.ledgerSeq());
    }

    /** The shares typed so far against the cost, so the nurse sees a difference before saving. */
    private void updateSum() {
        BigDecimal total = BigDecimal.ZERO;
        for (String name : AMOUNTS.subList(1, AMOUNTS.size())) {
            BigDecimal v = typedAmount(name);
            total = v == null ? total : total.add(v);
        }
        BigDecimal cost = typedAmount("cost");
        sum.setText(
                cost == null
                        ? Messages.t("medicalFunding.sharesSum", Money.format(total))
                        : Messages.t(
                                "medicalFunding.sharesSumOf", Money.format(total), Money.format(cost.subtract(total))));
    }

    /** The amount typed as saving reads it ("12,000", "¥500", full-width digits); null for none or not an amount. */
    private BigDecimal typedAmount(String name) {
        try {
            return Money.parse(amounts.get(name).getText());
        } catch (Money.NotAnAmount notYet) {
            return null; // said beside the field on saving; the sum leaves it out meanwhile
        }
    }

    private boolean paymentChanged() {
        if (payment.getItems().isEmpty()) {
            return false; // the payments are still being looked up: nothing could be picked
        }
        PaymentChoice p = payment.getValue();
        return !Objects.equals(p == null ? null : p.seq(), shownPayment);
    }

    /**
     * Saves the shares to the record they were typed for (still selected, unless the guard is asking about another);
     * {@code done} gets whether it was saved.
     */
    private void save(Consumer<Boolean> done) {
        Long id = shown;
        MedicalRecord r = id == null
                ? null
                : recordTable.getItems().stream()
                        .filter(x -> x.id() == id)
                        .findFirst()
                        .orElse(null);
        if (!funded(r)) {
            done.accept(false);
            return;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        amounts.forEach((name, field) -> texts.put(name, field.getText()));
        PaymentChoice p = payment.getValue();
        int version = shownVersion;
        tasks.run(
                () -> {
                    Map<String, BigDecimal> v = parse(texts);
                    return records.recordFunding(
                            r.id(),
                            v.get("cost"),
                            v.get("tomorrowPlan"),
                            v.get("insurance"),
                            v.get("donation"),
                            v.get("institution"),
                            p == null ? null : p.seq(),
                            version);
                },
                saved -> {
                    TypedInput.saved(form);
                    shownVersion = saved.version();
                    shownPayment = saved.ledgerSeq(); // saved: the reload that follows fills the form again
                    dialogs.notifySuccess(Messages.t("medicalFunding.saved"));
                    changed.run();
                    done.accept(true);
                },
                failure -> {
                    done.accept(false);
                    if (failure instanceof ValidationException invalid && showBesideFields(invalid)) {
                        return;
                    }
                    dialogs.showError(failure);
                });
    }

    /** Every share typed that is not an amount, named by its field, all at once. */
    private static Map<String, BigDecimal> parse(Map<String, String> typed) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<FieldError> bad = new ArrayList<>();
        typed.forEach((name, text) -> {
            try {
                values.put(name, InlineForms.amount(name, Messages.t("medicalFunding." + name), text));
            } catch (ValidationException e) {
                bad.addAll(e.errors());
            }
        });
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
        return values;
    }

    /** Each problem beside its field, the focus on the first; false when one names no field of this form. */
    private boolean showBesideFields(ValidationException invalid) {
        if (invalid.errors().stream().anyMatch(e -> !errors.containsKey(e.field()))) {
            return false;
        }
        Control first = null;
        for (FieldError e : invalid.errors()) {
            errors.get(e.field()).set(e.message());
            Control c = "ledgerSeq".equals(e.field()) ? payment : amounts.get(e.field());
            if (first == null) {
                first = c;
            }
        }
        first.requestFocus();
        return true;
    }
}
