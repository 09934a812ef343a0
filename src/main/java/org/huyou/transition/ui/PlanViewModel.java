package org.huyou.transition.ui;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.documents.Document;
import org.huyou.security.Accounts;
import org.huyou.transition.ArchivePart;
import org.huyou.transition.Capability;
import org.huyou.transition.FollowUp;
import org.huyou.transition.Pathway;
import org.huyou.transition.Payment;
import org.huyou.transition.Task;
import org.huyou.transition.TransitionPlan;
import org.huyou.transition.TransitionService;
import org.huyou.transition.io.TransitionDocuments;

/**
 * One resident's transition without its controls: the plan as read (assessments, suggestion, decision, tasks,
 * payments, visits), the forms' values, and the commands that record an assessment, decide and approve the pathway,
 * settle a task, record a payment, the leaving day and a visit, print the plan and export the archive. After each
 * change the plan is read again and {@code changed} runs (the dashboard shows the new status).
 */
final class PlanViewModel {

    /** A payment dated more than this many days before it is due asks first. */
    static final int EARLY_DAYS = 30;

    private final TransitionService transition;
    private final TransitionDocuments papers;
    private final TaskRunner tasks;
    private final Notices notices;
    private final boolean edit;
    private final Path printed;
    private final Runnable changed;
    private final ObjectProperty<TransitionService.Row> row = new SimpleObjectProperty<>();
    private final ObjectProperty<TransitionService.Detail> detail = new SimpleObjectProperty<>();
    private final ObservableList<Capability> assessments = FXCollections.observableArrayList();
    private final ObservableList<Task> taskRows = FXCollections.observableArrayList();
    private final ObservableList<Payment> payments = FXCollections.observableArrayList();
    private final ObservableList<FollowUp> followUps = FXCollections.observableArrayList();
    private final ObservableList<Document> documents = FXCollections.observableArrayList();
    private final StringProperty suggestion = new SimpleStringProperty("");
    private final StringProperty planStatus = new SimpleStringProperty("");
    /** Only a draft awaits approval: after approving, the button goes grey instead of offering a stale second try. */
    private final BooleanProperty approvable = new SimpleBooleanProperty();

    // the assessment form
    final List<ObjectProperty<Integer>> scores = IntStream.range(0, Capability.Area.values().length)
            .mapToObj(i -> (ObjectProperty<Integer>) new SimpleObjectProperty<Integer>())
            .toList();
    final ObjectProperty<Capability.Conclusion> conclusion = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> assessedOn = new SimpleObjectProperty<>();
    final StringProperty assessmentNotes = new SimpleStringProperty("");
    // the decision
    final ObjectProperty<Pathway> pathway = new SimpleObjectProperty<>();
    final StringProperty basis = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> graduation = new SimpleObjectProperty<>();
    final StringProperty topUp = new SimpleStringProperty("");
    // the rows chosen in the lists, and what is recorded for them
    final ObjectProperty<Task> selectedTask = new SimpleObjectProperty<>();
    final ObjectProperty<Payment> selectedPayment = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> paidOn = new SimpleObjectProperty<>();
    final StringProperty paymentReference = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> leftOn = new SimpleObjectProperty<>();
    final ObjectProperty<FollowUp> selectedFollowUp = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> visitedOn = new SimpleObjectProperty<>();
    final StringProperty housing = new SimpleStringProperty("");
    final StringProperty work = new SimpleStringProperty("");
    final StringProperty study = new SimpleStringProperty("");
    final StringProperty income = new SimpleStringProperty("");
    final StringProperty visitNotes = new SimpleStringProperty("");
    // the printed plan and the archive
    final BooleanProperty includeCare = new SimpleBooleanProperty();
    final ObservableSet<ArchivePart> archiveParts = FXCollections.observableSet(EnumSet.allOf(ArchivePart.class));
    /** The resident's documents ticked for the archive (none ticked: the worker chooses). */
    final ObservableSet<Long> tickedDocuments = FXCollections.observableSet();

    PlanViewModel(
            TransitionService transition,
            TransitionDocuments papers,
            TaskRunner tasks,
            Notices notices,
            Clock clock,
            boolean edit,
            Path printed,
            Runnable changed) {
        this.transition = transition;
        this.papers = papers;
        this.tasks = tasks;
        this.notices = notices;
        this.edit = edit;
        this.printed = printed;
        this.changed = changed;
        LocalDate today = LocalDate.now(clock);
        for (ObjectProperty<LocalDate> day : List.of(assessedOn, paidOn, leftOn, visitedOn)) {
            day.set(today);
        }
        scores.forEach(s -> s.addListener((o, a, b) -> suggestConclusion()));
    }

    /** The resident shown; null before the first is chosen. */
    ReadOnlyObjectProperty<TransitionService.Row> row() {
        return row;
    }

    /** The plan as last read; the View takes the decision's fields as saved when it changes. */
    ReadOnlyObjectProperty<TransitionService.Detail> detail() {
        return detail;
    }

    ObservableList<Capability> assessments() {
        return assessments;
    }

    ObservableList<Task> tasks() {
        return taskRows;
    }

    ObservableList<Payment> payments() {
        return payments;
    }

    ObservableList<FollowUp> followUps() {
        return followUps;
    }

    /** The resident's documents that may go into the archive. */
    ObservableList<Document> documents() {
        return documents;
    }

    ReadOnlyStringProperty suggestion() {
        return suggestion;
    }

    /** The decision in full for the approver: pathway, status, who decided, the written basis and any top-up. */
    ReadOnlyStringProperty planStatus() {
        return planStatus;
    }

    ReadOnlyBooleanProperty approvable() {
        return approvable;
    }

    /** "Name (record no.), eighteen on …" for the resident shown. */
    String who() {
        TransitionService.Row r = row.get();
        return r == null ? "" : Messages.t("transition.who", r.name(), r.recordNo(), r.eighteenth());
    }

    /**
     * Shows {@code selected}'s plan. The dashboard refreshing under the same resident loads nothing again; another
     * child starts with nothing of the previous one ticked.
     */
    void show(TransitionService.Row selected) {
        boolean same = row.get() != null && row.get().residentId() == selected.residentId();
        if (same) {
            row.set(selected);
            return;
        }
        tickedDocuments.clear();
        documents.clear();
        row.set(selected);
        reload();
    }

    private void suggestConclusion() {
        if (scores.stream().allMatch(s -> s.get() != null)) {
            conclusion.set(
                    Capability.suggest(scores.stream().map(ObjectProperty::get).toList()));
        }
    }

    void assess() {
        long id = row.get().residentId();
        LocalDate on = assessedOn.get();
        List<Integer> s = scores.stream().map(ObjectProperty::get).toList();
        String notes = assessmentNotes.get();
        Capability.Conclusion c = conclusion.get();
        change(() -> transition.assess(id, on, s, notes, c), a -> {
            assessmentNotes.set("");
            scores.forEach(x -> x.set(null));
        });
    }

    /** Decides the pathway; a top-up typed with letters is refused naming its field. */
    void decide(String topUpLabel) {
        long id = row.get().residentId();
        Pathway p = pathway.get();
        String b = basis.get();
        LocalDate g = graduation.get();
        String typed = topUp.get();
        change(
                () -> transition.decide(id, p, b, g, InlineForms.amount("cityTopUp", topUpLabel, typed)),
                plan -> notices.notifySuccess(Messages.t("transition.decided")));
    }

    void approve() {
        TransitionPlan p = detail.get().plan().orElseThrow();
        change(
                () -> transition.approve(p.id(), p.version()),
                x -> notices.notifySuccess(Messages.t("transition.approved")));
    }

    void setTask(Task.Status status) {
        long id = selectedTask.get().id();
        change(
                () -> {
                    transition.setTaskStatus(id, status, null);
                    return true;
                },
                ok -> {});
    }

    /**
     * Whether the chosen payment's date lies more than {@link #EARLY_DAYS} before it is due: more often a slip of the
     * date picker than an early payment, so the View asks first.
     */
    boolean paymentLooksEarly() {
        LocalDate d = paidOn.get();
        Payment due = selectedPayment.get();
        return d != null && due != null && d.isBefore(due.dueOn().minusDays(EARLY_DAYS));
    }

    void recordPaid() {
        long id = selectedPayment.get().id();
        LocalDate d = paidOn.get();
        String r = paymentReference.get();
        change(
                () -> {
                    transition.recordPaid(id, d, r);
                    return true;
                },
                ok -> paymentReference.set(""));
    }

    void recordLeaving() {
        TransitionPlan p = detail.get().plan().orElseThrow(() -> new IllegalStateException("no plan"));
        LocalDate d = leftOn.get();
        change(
                () -> {
                    transition.recordLeaving(p.id(), d);
                    return true;
                },
                ok -> {});
    }

    void recordVisit() {
        FollowUp f = selectedFollowUp.get();
        FollowUp visit = new FollowUp(
                f.id(),
                f.planId(),
                f.dueOn(),
                visitedOn.get(),
                housing.get(),
                work.get(),
                study.get(),
                income.get(),
                visitNotes.get());
        change(
                () -> {
                    transition.recordVisit(visit);
                    return true;
                },
                ok -> List.of(housing, work, study, income, visitNotes).forEach(t -> t.set("")));
    }

    void printPlan() {
        long id = row.get().residentId();
        boolean include = includeCare.get();
        tasks.run(
                () -> papers.printPlan(id, include, printed),
                f -> notices.notifySuccess(Messages.t("plan.written", f)),
                notices::showError);
    }

    void exportArchive() {
        long id = row.get().residentId();
        Set<ArchivePart> parts = EnumSet.noneOf(ArchivePart.class);
        parts.addAll(archiveParts);
        List<Long> chosen = documents.stream()
                .map(Document::id)
                .filter(tickedDocuments::contains)
                .toList();
        tasks.run(
                () -> papers.exportArchive(id, parts, chosen, printed),
                f -> notices.notifySuccess(Messages.t("archive.written", f)),
                notices::showError);
    }

    /** Runs a change, then clears what it recorded, reads the plan again and tells the dashboard. */
    private <T> void change(Callable<T> call, Consumer<T> done) {
        tasks.run(
                call,
                result -> {
                    done.accept(result);
                    reload();
                    changed.run();
                },
                notices::showError);
    }

    private void reload() {
        long id = row.get().residentId();
        tasks.run(
                () -> transition.detail(id),
                d -> {
                    if (row.get() == null || row.get().residentId() != d.residentId()) {
                        return; // another resident was selected meanwhile
                    }
                    showDetail(d);
                },
                notices::showError);
        if (edit) {
            tasks.run(
                    () -> papers.archiveDocuments(id),
                    docs -> {
                        if (row.get() == null || row.get().residentId() != id) {
                            return;
                        }
                        // ticks already made for this resident stay across a reload (after recording a task, say)
                        tickedDocuments.retainAll(
                                docs.stream().map(Document::id).toList());
                        documents.setAll(docs);
                    },
                    notices::showError);
        }
    }

    private void showDetail(TransitionService.Detail d) {
        assessments.setAll(d.assessments());
        suggestion.set(d.suggestion()
                .map(s -> Messages.t(
                        "transition.suggested",
                        s.conclusion().label(),
                        s.pathway().label(),
                        s.studying() ? Messages.t("transition.studying") : ""))
                .orElse(Messages.t("transition.notAssessed")));
        d.suggestion()
                .ifPresent(
                        s -> pathway.set(d.plan().map(TransitionPlan::pathway).orElse(s.pathway())));
        // The form shows the decision as it stands, so a change starts from it.
        basis.set(d.plan().map(TransitionPlan::basis).orElse(""));
        graduation.set(d.plan().map(TransitionPlan::expectedGraduation).orElse(null));
        topUp.set(d.plan()
                .map(TransitionPlan::cityTopUp)
                .map(BigDecimal::toPlainString)
                .orElse(""));
        planStatus.set(d.plan()
                .map(p -> Messages.t(
                                "transition.planStatus",
                                p.pathway().label(),
                                p.status().label(),
                                Accounts.displayName(p.decidedBy()))
                        + "\n"
                        + Messages.t(
                                "transition.basisLine",
                                InlineForms.nz(p.basis()),
                                p.cityTopUp() == null ? Messages.t("transition.noTopUp") : Money.yuan(p.cityTopUp())))
                .orElse(Messages.t("transition.noPlan")));
        approvable.set(
                d.plan().map(p -> p.status() == TransitionPlan.Status.DRAFT).orElse(false));
        taskRows.setAll(d.tasks());
        payments.setAll(d.payments());
        followUps.setAll(d.followUps());
        detail.set(d); // last: the View marks the decision's fields as saved from here
    }
}
