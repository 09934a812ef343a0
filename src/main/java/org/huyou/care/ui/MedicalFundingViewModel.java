package org.huyou.care.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.PaymentChoice;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * The medical funding pane's state and commands (ADR 0014): the record shown and its funding's detail, the shares
 * typed with their live sum, the open payments of the medical fund (looked up in the background, only the latest
 * lookup answering), and the save whose problems are put beside the field they name. The pane's fundings come with
 * the medical tab's load ({@link MedicalViewModel}); after a save {@code changed} has that tab reload. Whether the
 * typed shares differ from the saved ones is the View's {@code TypedInput}, handed here by {@link #watchTyping}.
 */
final class MedicalFundingViewModel {

    /** The service's field names, in the order the form shows them (the first with a problem gets the focus). */
    static final List<String> AMOUNTS = List.of("cost", "tomorrowPlan", "insurance", "donation", "institution");

    private final MedicalRecordService records;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Runnable changed;
    private final boolean canCreate;

    /** Each share as typed, by the service's field name. */
    final Map<String, StringProperty> amounts;
    /** The problem said beside each field (the shares and {@code ledgerSeq}), empty for none. */
    final Map<String, StringProperty> errors;

    final ObjectProperty<PaymentChoice> payment = new SimpleObjectProperty<>();
    private final ObservableList<PaymentChoice> payments = FXCollections.observableArrayList();
    final StringProperty detail = new SimpleStringProperty("");
    final StringProperty sum = new SimpleStringProperty("");
    /** Whether a surgery or treatment not voided is shown: only they have a funding. */
    final BooleanProperty visible = new SimpleBooleanProperty(false);
    /** The field of the first problem of a refused save, for the View to focus (null between refusals). */
    final StringProperty problemField = new SimpleStringProperty();

    /** How many times the form was filled: a payments lookup answers only the latest fill. */
    private long fills;

    private Map<Long, MedicalFunding> fundings = Map.of();
    private Long shown;
    /** The shown record as last handed over (a reload hands a newer copy). */
    private MedicalRecord shownRecord;
    /** The version of the funding the form was filled from: a save over someone else's newer one is refused. */
    private int shownVersion = -1;
    /** The ledger payment the shown funding names (null for none): another one picked is unsaved input too. */
    private Long shownPayment;
    /** The payment list being filled: its choice is the saved one, not a new pick whose amount fills the share. */
    private boolean fillingPayments;

    private BooleanSupplier typedDirty = () -> false;
    private Runnable formSaved = () -> {};

    MedicalFundingViewModel(
            MedicalRecordService records, TaskRunner tasks, Notices notices, boolean canCreate, Runnable changed) {
        this.records = records;
        this.tasks = tasks;
        this.notices = notices;
        this.canCreate = canCreate;
        this.changed = changed;
        Map<String, StringProperty> a = new LinkedHashMap<>();
        Map<String, StringProperty> e = new LinkedHashMap<>();
        for (String name : AMOUNTS) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, was, is) -> updateSum());
            a.put(name, p);
            e.put(name, new SimpleStringProperty(""));
        }
        e.put("ledgerSeq", new SimpleStringProperty(""));
        amounts = Collections.unmodifiableMap(a);
        errors = Collections.unmodifiableMap(e);
        // the payment's amount is the donation share: picking one fills it in
        payment.addListener((o, was, p) -> {
            if (p != null && !fillingPayments) {
                amounts.get("donation").set(p.amount().toPlainString());
            }
        });
        updateSum();
    }

    /**
     * The View's own record of typing: whether the fields differ from what was filled or saved, and what marks them
     * as saved.
     */
    void watchTyping(BooleanSupplier typedDirty, Runnable formSaved) {
        this.typedDirty = typedDirty;
        this.formSaved = formSaved;
    }

    /** The resident's fundings, after the records table was filled; the View then shows the selected record. */
    void fundings(Map<Long, MedicalFunding> byRecord) {
        fundings = byRecord;
    }

    void clear() {
        fundings = Map.of();
        shown = null;
        shownRecord = null;
        show(null);
    }

    /** The id of the record the form is for (null for none). */
    Long shownId() {
        return shown;
    }

    /** The shares typed and the payment picked differ from what is saved for the shown record. */
    boolean isDirty() {
        return typedDirty.getAsBoolean() || paymentChanged();
    }

    static boolean funded(MedicalRecord r) {
        return r != null
                && !r.voided()
                && (r.kind() == MedicalRecord.Kind.SURGERY || r.kind() == MedicalRecord.Kind.TREATMENT);
    }

    /** The record selected (null: none; the form stays for the record it was typed for). */
    void show(MedicalRecord r) {
        boolean funded = funded(r);
        visible.set(funded);
        if (!funded) {
            if (r != null) {
                shown = null;
                shownRecord = null;
            }
            return;
        }
        MedicalFunding f = fundings.get(r.id());
        detail.set(describe(r, f));
        if (shown != null && shown == r.id() && isDirty()) {
            shownRecord = r;
            return; // the same record again (a reload after another save on the tab): the typing stays as it is
        }
        fillForm(r);
    }

    /** The typing for the shown record given up: the form shows what is saved again. */
    void discard() {
        if (shownRecord != null) {
            fillForm(shownRecord);
        }
    }

    /** The form shows what is saved for {@code r}; its payments are looked up in the background. */
    private void fillForm(MedicalRecord r) {
        MedicalFunding f = fundings.get(r.id());
        errors.values().forEach(p -> p.set(""));
        shown = r.id();
        shownRecord = r;
        shownVersion = f == null ? -1 : f.version();
        shownPayment = f == null ? null : f.ledgerSeq();
        amounts.get("cost").set(f == null ? "" : f.cost().toPlainString());
        amounts.get("tomorrowPlan").set(f == null ? "" : f.tomorrowPlan().toPlainString());
        amounts.get("insurance").set(f == null ? "" : f.insurance().toPlainString());
        amounts.get("donation").set(f == null ? "" : f.donation().toPlainString());
        amounts.get("institution").set(f == null ? "" : f.institution().toPlainString());
        formSaved.run();
        payments.clear();
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
                            payments.setAll(items);
                            payment.set(choices.stream()
                                    .filter(p -> Long.valueOf(p.seq()).equals(linked))
                                    .findFirst()
                                    .orElse(null));
                        } finally {
                            fillingPayments = false;
                        }
                    },
                    notices::showError);
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
        sum.set(
                cost == null
                        ? Messages.t("medicalFunding.sharesSum", Money.format(total))
                        : Messages.t(
                                "medicalFunding.sharesSumOf", Money.format(total), Money.format(cost.subtract(total))));
    }

    /** The amount typed as saving reads it ("12,000", "¥500", full-width digits); null for none or not an amount. */
    private BigDecimal typedAmount(String name) {
        try {
            return Money.parse(amounts.get(name).get());
        } catch (Money.NotAnAmount notYet) {
            return null; // said beside the field on saving; the sum leaves it out meanwhile
        }
    }

    private boolean paymentChanged() {
        if (payments.isEmpty()) {
            return false; // the payments are still being looked up: nothing could be picked
        }
        PaymentChoice p = payment.get();
        return !Objects.equals(p == null ? null : p.seq(), shownPayment);
    }

    /**
     * Saves the shares to the record they were typed for (still selected, unless the guard is asking about another);
     * {@code done} gets whether it was saved.
     */
    void save(Consumer<Boolean> done) {
        MedicalRecord r = shown == null ? null : shownRecord;
        if (!funded(r)) {
            done.accept(false);
            return;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        amounts.forEach((name, field) -> texts.put(name, field.get()));
        PaymentChoice p = payment.get();
        int version = shownVersion;
        tasks.run(
                () -> {
                    Map<String, BigDecimal> v = parse(texts);
                    return records.recordFunding(new MedicalFunding(
                            r.id(),
                            v.get("cost"),
                            v.get("tomorrowPlan"),
                            v.get("insurance"),
                            v.get("donation"),
                            v.get("institution"),
                            p == null ? null : p.seq(),
                            version));
                },
                saved -> {
                    formSaved.run();
                    shownVersion = saved.version();
                    shownPayment = saved.ledgerSeq(); // saved: the reload that follows fills the form again
                    notices.notifySuccess(Messages.t("medicalFunding.saved"));
                    changed.run();
                    done.accept(true);
                },
                failure -> {
                    done.accept(false);
                    if (failure instanceof ValidationException invalid && showBesideFields(invalid)) {
                        return;
                    }
                    notices.showError(failure);
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

    /** Each problem beside its field, the first named for the focus; false when one names no field of this form. */
    private boolean showBesideFields(ValidationException invalid) {
        if (invalid.errors().stream().anyMatch(e -> !errors.containsKey(e.field()))) {
            return false;
        }
        for (FieldError e : invalid.errors()) {
            errors.get(e.field()).set(e.message());
        }
        problemField.set(null);
        problemField.set(invalid.errors().get(0).field());
        return true;
    }

    ObservableList<PaymentChoice> payments() {
        return payments;
    }
}
