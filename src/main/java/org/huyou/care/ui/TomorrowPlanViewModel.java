package org.huyou.care.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * The 明天计划 pane's state and commands: a child's applications, a new one recorded, the approval of the selected
 * pending one recorded, the operation date of an approved one fixed later, one voided. The fields are read when the command is given, so typing on while the work runs
 * neither changes what is saved nor is cleared after. The pane's rows come with the medical tab's load
 * ({@link MedicalViewModel}); after a change {@code changed} has that tab reload.
 */
final class TomorrowPlanViewModel {

    private final MedicalRecordService records;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Runnable changed;
    private final ObservableList<TomorrowPlanApplication> applications = FXCollections.observableArrayList();
    private Long residentId;

    final ObjectProperty<TomorrowPlanApplication> selected = new SimpleObjectProperty<>();
    final StringProperty condition = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> appliedOn = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> approvedOn = new SimpleObjectProperty<>();
    final StringProperty hospital = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> operationOn = new SimpleObjectProperty<>();
    final StringProperty amount = new SimpleStringProperty("");

    private final FormDefaults applyForm;
    private final FormDefaults approveForm;

    TomorrowPlanViewModel(
            MedicalRecordService records, TaskRunner tasks, Notices notices, LocalDate today, Runnable changed) {
        this.records = records;
        this.tasks = tasks;
        this.notices = notices;
        this.changed = changed;
        appliedOn.set(today);
        approvedOn.set(today);
        applyForm = FormDefaults.of(condition, appliedOn);
        approveForm = FormDefaults.of(approvedOn, hospital, operationOn, amount);
    }

    /** The child's applications; another child's pane starts both forms at their defaults (today). */
    void fill(long residentId, List<TomorrowPlanApplication> rows) {
        if (!Objects.equals(this.residentId, residentId)) {
            applyForm.reset();
            approveForm.reset();
        }
        this.residentId = residentId;
        applications.setAll(rows);
    }

    void clear() {
        residentId = null;
        applications.clear();
        applyForm.reset();
        approveForm.reset();
    }

    /**
     * A new application for the child shown; afterwards the form starts again (the date at today), except what was
     * typed over while it was saved.
     */
    void apply() {
        Long id = residentId;
        if (id == null) {
            return;
        }
        String typedCondition = condition.get();
        LocalDate applied = appliedOn.get();
        FormDefaults.Taken typed = applyForm.taken();
        tasks.run(
                () -> records.applyToTomorrowPlan(id, typedCondition, applied),
                saved -> {
                    applyForm.resetUnchanged(typed);
                    notices.notifySuccess(Messages.t("tomorrowPlan.applied", typedCondition));
                    changed.run();
                },
                notices::showError);
    }

    /** True while there is no pending application selected: nothing to approve. */
    BooleanBinding cannotApprove() {
        return Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().pending(), selected);
    }

    /**
     * The selected application approved with the approval's fields; the amount is read in the work, so one typed
     * wrong is said like the service's checks, naming its field.
     */
    void approve() {
        TomorrowPlanApplication a = selected.get();
        if (a == null) {
            return;
        }
        LocalDate approved = approvedOn.get();
        String typedHospital = hospital.get();
        LocalDate operation = operationOn.get();
        String typedAmount = amount.get();
        String amountLabel = Messages.t("tomorrowPlan.amount");
        FormDefaults.Taken typed = approveForm.taken();
        tasks.run(
                () -> records.recordTomorrowPlanApproval(
                        a.id(),
                        a.version(),
                        approved,
                        typedHospital,
                        operation,
                        InlineForms.amount("tomorrowPlanAmount", amountLabel, typedAmount)),
                saved -> {
                    approveForm.resetUnchanged(typed);
                    notices.notifySuccess(Messages.t("tomorrowPlan.approvalRecorded", a.condition()));
                    changed.run();
                },
                notices::showError);
    }

    /** True unless the selected application is approved with its operation date not fixed yet. */
    BooleanBinding cannotFixOperationDate() {
        return Bindings.createBooleanBinding(
                () -> selected.get() == null
                        || selected.get().status() != TomorrowPlanApplication.Status.APPROVED
                        || selected.get().operationDate() != null,
                selected);
    }

    /** The operation date typed in the approval's row, fixed for the selected approved application that had none. */
    void fixOperationDate() {
        TomorrowPlanApplication a = selected.get();
        if (a == null) {
            return;
        }
        LocalDate operation = operationOn.get();
        tasks.run(
                () -> records.fixTomorrowPlanOperationDate(a.id(), a.version(), operation),
                saved -> {
                    if (Objects.equals(operationOn.get(), operation)) {
                        operationOn.set(null);
                    }
                    notices.notifySuccess(Messages.t("tomorrowPlan.operationDateRecorded", a.condition()));
                    changed.run();
                },
                notices::showError);
    }

    void voidApplication(TomorrowPlanApplication a, String reason) {
        records.voidTomorrowPlanApplication(a.id(), reason);
    }

    ObservableList<TomorrowPlanApplication> applications() {
        return applications;
    }
}
