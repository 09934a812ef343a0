package org.huyou.care.ui;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyConflict;
import org.huyou.care.medical.AllergyConflictException;
import org.huyou.care.medical.AllergyService;
import org.huyou.care.medical.DoseLimitException;
import org.huyou.care.medical.DrugClass;
import org.huyou.care.medical.FormularyDrug;
import org.huyou.care.medical.FormularyService;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.Medication;
import org.huyou.care.medical.MedicationService;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.care.medical.UnmatchedAllergenException;
import org.huyou.common.Messages;
import org.huyou.common.Pinyin;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.FilePartViewModel;

/**
 * The medical tab's state and commands: allergies, medical records, medication orders picked from the formulary (an
 * order refused for an allergy is ordered only with a reason the View asks for) and the administration record. The
 * services keep every safety rule; this keeps what the forms hold and which drugs the picker offers.
 */
public final class MedicalViewModel extends FilePartViewModel<MedicalViewModel.Loaded> {

    private final AllergyService allergyService;
    private final MedicalRecordService recordService;
    private final MedicationService medication;
    private final FormularyService formulary;
    /** The formulary by drug name, for the picker's second line; loaded once in the background. */
    private final Map<String, FormularyDrug> drugsByName = new LinkedHashMap<>();

    private final ObservableList<Allergy> allergies = FXCollections.observableArrayList();
    private final ObservableList<MedicalRecord> records = FXCollections.observableArrayList();
    private final ObservableList<Medication.Order> orders = FXCollections.observableArrayList();
    private final ObservableList<Medication.Administration> mar = FXCollections.observableArrayList();
    /** Each order's conflicts with the allergies as they stand now (an allergy recorded after the order too). */
    private Map<Long, List<AllergyConflict>> orderConflicts = Map.of();

    private Map<Long, String> allergyMatches = Map.of();

    /** The classes an allergy may name, "free text" (null) first. */
    private final ObservableList<DrugClass> drugClasses = FXCollections.observableArrayList();
    /** The drugs the picker offers for what is typed. */
    private final ObservableList<String> drugChoices = FXCollections.observableArrayList();

    private final StringProperty drugInfo = new SimpleStringProperty("");

    final ObjectProperty<DrugClass> allergyClass = new SimpleObjectProperty<>();
    final StringProperty substance = new SimpleStringProperty("");
    final StringProperty reaction = new SimpleStringProperty("");
    // No default: a severity on a safety record is chosen by whoever records it, never guessed (required by the
    // service).
    final ObjectProperty<Allergy.Severity> severity = new SimpleObjectProperty<>();

    final ObjectProperty<MedicalRecord.Kind> kind = new SimpleObjectProperty<>(MedicalRecord.Kind.CHECKUP);
    final ObjectProperty<LocalDate> recordDate = new SimpleObjectProperty<>();
    final StringProperty title = new SimpleStringProperty("");
    final StringProperty detail = new SimpleStringProperty("");
    final ObjectProperty<MedicalRecord.Funding> funding = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> nextDue = new SimpleObjectProperty<>();

    /** The drug as typed in the picker: narrows the choices as it changes. */
    final StringProperty drug = new SimpleStringProperty("");

    final StringProperty dose = new SimpleStringProperty("");
    final StringProperty times = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> end = new SimpleObjectProperty<>();

    private final FormDefaults allergyForm;
    private final FormDefaults recordForm;
    private final FormDefaults orderForm;

    public MedicalViewModel(
            AllergyService allergies,
            MedicalRecordService records,
            MedicationService medication,
            FormularyService formulary,
            TaskRunner tasks,
            Notices notices,
            LocalDate today) {
        super(tasks, notices);
        this.allergyService = allergies;
        this.recordService = records;
        this.medication = medication;
        this.formulary = formulary;
        recordDate.set(today);
        start.set(today);
        allergyForm = form(allergyClass, substance, reaction, severity);
        recordForm = form(kind, recordDate, title, detail, funding, nextDue);
        orderForm = form(drug, dose, times, start, end);
        drug.addListener((o, was, typed) -> narrow(typed));
    }

    /** What the tab shows for one resident. */
    record Loaded(
            List<Allergy> allergies,
            List<MedicalRecord> records,
            Medication.Orders orders,
            List<Medication.Administration> mar,
            Map<Long, MedicalFunding> fundings,
            List<TomorrowPlanApplication> applications,
            Map<Long, String> allergyMatches) {}

    @Override
    protected Loaded load(long id) {
        List<Allergy> current = allergyService.current(id);
        Map<Long, String> matches = new HashMap<>();
        for (Allergy a : current) {
            if (a.drugClass() == null) {
                allergyService.matchedAs(a.substance()).ifPresent(m -> matches.put(a.id(), m));
            }
        }
        return new Loaded(
                current,
                recordService.records(id),
                medication.ordersWithConflicts(id),
                medication.administrations(id, 200),
                recordService.fundings(id),
                recordService.tomorrowPlanApplications(id),
                matches);
    }

    /**
     * What the allergy check matches an allergy by: its class, what it recognises in its text, or that only the
     * exact name matches (shown marked: nobody should trust the check to find it under another name).
     */
    String matchedAs(Allergy a) {
        if (a.drugClass() != null) {
            return DrugClass.label(a.drugClass());
        }
        String m = allergyMatches.get(a.id());
        return m != null ? m : Messages.t("allergy.onlyExactName");
    }

    boolean matchesOnlyByName(Allergy a) {
        return a.drugClass() == null && !allergyMatches.containsKey(a.id());
    }

    @Override
    protected void fill(Loaded l) {
        allergyMatches = l.allergyMatches();
        allergies.setAll(l.allergies());
        records.setAll(l.records());
        orderConflicts = l.orders().conflicts();
        orders.setAll(l.orders().orders());
        mar.setAll(l.mar());
    }

    @Override
    protected void clear() {
        allergyMatches = Map.of();
        allergies.clear();
        records.clear();
        orderConflicts = Map.of();
        orders.clear();
        mar.clear();
    }

    /** The drug classes and the formulary's drugs, for the pickers. */
    void loadFormulary() {
        tasks.run(
                () -> Map.entry(formulary.drugs(), formulary.classes()),
                data -> {
                    drugsByName.clear();
                    for (FormularyDrug d : data.getKey()) {
                        drugsByName.putIfAbsent(d.name(), d);
                    }
                    // By name in the user's language, "other" last: the file's order is by pharmacology, not for
                    // finding.
                    Comparator<DrugClass> otherLast = Comparator.comparing(c -> "OTHER".equals(c.code()));
                    drugClasses.setAll(Collections.singletonList(null));
                    drugClasses.addAll(data.getValue().stream()
                            .sorted(otherLast.thenComparing(Messages.byText(DrugClass::label)))
                            .toList());
                    narrow(drug.get());
                },
                notices::showError);
    }

    /**
     * The drugs whose name, ingredient or class contains the typed text, or whose name starts so in pinyin (blf,
     * buluo: 布洛芬), as residents and donors are found; the info line for an exact name.
     */
    private void narrow(String typed) {
        String t = typed == null ? "" : typed.strip();
        boolean pinyin = Pinyin.looksLikePinyin(t);
        List<String> names = drugsByName.values().stream()
                .filter(d -> t.isEmpty()
                        || d.name().contains(t)
                        || d.ingredient().contains(t)
                        || DrugClass.label(d.drugClass()).contains(t)
                        || pinyin && Pinyin.matches(d.name(), t))
                .map(FormularyDrug::name)
                .toList();
        if (!names.equals(drugChoices)) {
            drugChoices.setAll(names);
        }
        FormularyDrug exact = drugsByName.get(t);
        drugInfo.set(exact == null ? (t.isEmpty() ? "" : Messages.t("medication.notPicked")) : exact.description());
    }

    /** A picker's second line: the drug's ingredient and class, or just its name when the formulary lacks it. */
    String choiceText(String name) {
        FormularyDrug d = drugsByName.get(name);
        return d == null ? name : name + "  —  " + d.description();
    }

    /** The allergy typed; the form starts again once it is recorded (a refused one keeps all for the retry). */
    void addAllergy() {
        addAllergy(null);
    }

    /**
     * The allergy typed. One the allergy check matches to no drug is refused first; {@code confirmUnmatched} is
     * handed the refusal's sentence and says whether to record it anyway (null: the refusal is shown).
     */
    void addAllergy(Predicate<String> confirmUnmatched) {
        addAllergy(confirmUnmatched, false);
    }

    private void addAllergy(Predicate<String> confirmUnmatched, boolean confirmed) {
        Long id = residentId();
        if (id == null) {
            return;
        }
        DrugClass c = allergyClass.get();
        String s = substance.get();
        String r = reaction.get();
        Allergy.Severity sev = severity.get();
        FormDefaults.Taken typed = allergyForm.taken();
        tasks.run(
                () -> allergyService.add(id, s, c == null ? null : c.code(), r, sev, null, confirmed),
                saved -> {
                    allergyForm.resetUnchanged(typed);
                    changed();
                },
                failure -> {
                    if (failure instanceof UnmatchedAllergenException u && confirmUnmatched != null && !confirmed) {
                        if (confirmUnmatched.test(u.userMessage())) {
                            addAllergy(confirmUnmatched, true);
                        }
                    } else {
                        notices.showError(failure);
                    }
                });
    }

    /** The medical record typed; the form starts again (kind, today, no funding) once it is recorded. */
    void addRecord() {
        Long id = residentId();
        MedicalRecord.Kind k = kind.get();
        LocalDate on = recordDate.get();
        String t = title.get();
        String d = detail.get();
        MedicalRecord.Funding f = funding.get();
        LocalDate next = nextDue.get();
        save(recordForm, () -> recordService.add(id, k, on, t, d, f, next));
    }

    /**
     * Orders the drug typed. When the service refuses it for an allergy, {@code overrideReason} is handed the drug and
     * the conflicts and gives medical staff's reason to order it anyway (empty: nothing is ordered); the order is then
     * made with that reason through the same service method, which checks and audits it.
     */
    void prescribe(BiFunction<String, List<AllergyConflict>, Optional<String>> overrideReason) {
        prescribe(overrideReason, (d, problems) -> Optional.empty());
    }

    /**
     * As above; a dose above its ingredient's maximum is refused next, and {@code doseReason} is handed the drug and
     * the sentences with the figures and gives medical staff's reason to order it anyway (empty: nothing is ordered).
     */
    void prescribe(
            BiFunction<String, List<AllergyConflict>, Optional<String>> overrideReason,
            BiFunction<String, List<String>, Optional<String>> doseReason) {
        prescribe(drug.get(), overrideReason, doseReason, null, null);
    }

    private void prescribe(
            String drugName,
            BiFunction<String, List<AllergyConflict>, Optional<String>> overrideReason,
            BiFunction<String, List<String>, Optional<String>> doseReason,
            String override,
            String doseOverride) {
        Long id = residentId();
        if (id == null) {
            return;
        }
        String d = dose.get();
        String t = times.get();
        LocalDate from = start.get();
        LocalDate to = end.get();
        FormDefaults.Taken typed = orderForm.taken();
        tasks.run(
                () -> medication.prescribe(id, drugName, d, t, from, to, null, override, doseOverride),
                saved -> {
                    orderForm.resetUnchanged(typed);
                    changed();
                },
                failure -> {
                    if (failure instanceof AllergyConflictException conflict && override == null) {
                        overrideReason
                                .apply(drugName, conflict.conflicts())
                                .ifPresent(reason ->
                                        prescribe(drugName, overrideReason, doseReason, reason, doseOverride));
                    } else if (failure instanceof DoseLimitException tooMuch && doseOverride == null) {
                        doseReason
                                .apply(drugName, tooMuch.problems())
                                .ifPresent(reason -> prescribe(drugName, overrideReason, doseReason, override, reason));
                    } else {
                        notices.showError(failure);
                    }
                });
    }

    /**
     * A drug the formulary lacks (the allergy check needs its ingredient and class); the picker then shows it.
     * {@code added} runs once it is saved, {@code refused} gets a refusal (the dialog keeps its input).
     */
    void addDrug(
            String name,
            String ingredient,
            DrugClass cls,
            String forms,
            String units,
            Runnable added,
            java.util.function.Consumer<Throwable> refused) {
        tasks.run(
                () -> formulary.addDrug(name, ingredient, cls == null ? null : cls.code(), forms, units),
                drug -> {
                    added.run();
                    notices.notifySuccess(Messages.t("formulary.added", drug.name()));
                    loadFormulary();
                    this.drug.set(drug.name());
                },
                refused);
    }

    void voidAllergy(Allergy a, String reason) {
        allergyService.voidAllergy(a.id(), reason);
    }

    void voidRecord(MedicalRecord r, String reason) {
        recordService.voidRecord(r.id(), reason);
    }

    void voidOrder(Medication.Order o, String reason) {
        medication.voidOrder(o.id(), reason);
    }

    /** A dose recorded in error, after its 撤销 is gone: it stays in the record, marked. */
    void voidDose(Medication.Administration a, String reason) {
        medication.voidDose(a.id(), reason);
    }

    /** The order's conflicts with the allergies as they stand now. */
    List<AllergyConflict> conflicts(Medication.Order o) {
        return orderConflicts.getOrDefault(o.id(), List.of());
    }

    ObservableList<Allergy> allergies() {
        return allergies;
    }

    ObservableList<MedicalRecord> records() {
        return records;
    }

    ObservableList<Medication.Order> orders() {
        return orders;
    }

    ObservableList<Medication.Administration> mar() {
        return mar;
    }

    ObservableList<DrugClass> drugClasses() {
        return drugClasses;
    }

    ObservableList<String> drugChoices() {
        return drugChoices;
    }

    /** The picked drug's ingredient and class, or that the text names no drug of the formulary. */
    ReadOnlyStringProperty drugInfoProperty() {
        return drugInfo;
    }
}
