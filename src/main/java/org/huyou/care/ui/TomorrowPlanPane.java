package org.huyou.care.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.common.ui.VoidButton;

/**
 * A child's applications to 明天计划 (the Tomorrow Plan): the list with where each stands, a row to record a new one,
 * a row to record the approval of the selected pending one (date, hospital, operation date, amount), and 作废 for
 * one withdrawn or refused. Pending ones are on the reminders screen through the service.
 */
final class TomorrowPlanPane {

    private final TableView<TomorrowPlanApplication> table =
            InlineForms.table("tomorrowPlanTable", 120, "tomorrowPlan.noneYet");
    private final VBox root;
    private Long residentId;

    TomorrowPlanPane(
            MedicalRecordService records,
            TaskRunner tasks,
            DialogService dialogs,
            boolean canCreate,
            boolean canVoid,
            LocalDate today,
            Runnable changed) {
        table.getColumns()
                .add(Columns.text(
                        "tomorrowPlan.condition",
                        a -> a.condition() + InlineForms.voidMark(a.voided(), a.voidReason()),
                        200));
        table.getColumns()
                .add(Columns.text("tomorrowPlan.status", a -> a.status().label(), 110));
        table.getColumns().add(Columns.text("tomorrowPlan.appliedOn", a -> Dates.format(a.appliedOn()), 95));
        table.getColumns().add(Columns.text("tomorrowPlan.approvedOn", a -> Dates.format(a.approvedOn()), 95));
        table.getColumns().add(Columns.text("tomorrowPlan.hospital", a -> InlineForms.nz(a.hospital()), 150));
        table.getColumns().add(Columns.text("tomorrowPlan.operationDate", a -> Dates.format(a.operationDate()), 120));
        table.getColumns().add(Columns.text("tomorrowPlan.amount", a -> Money.format(a.amount()), 100));

        TextField condition = InlineForms.text("tomorrowPlanCondition", "tomorrowPlan.condition");
        condition.setPrefColumnCount(18);
        DateField applied = InlineForms.date("tomorrowPlanApplied", "tomorrowPlan.appliedOn", today);
        Button apply = new Button(Messages.t("tomorrowPlan.apply"));
        apply.setId("applyTomorrowPlan");
        apply.setOnAction(e -> {
            applied.commitText();
            Long id = residentId;
            if (id == null) {
                return;
            }
            // read here, on the JavaFX thread: the fields may change while the task runs
            String typedCondition = condition.getText();
            LocalDate appliedOn = applied.getValue();
            tasks.run(
                    () -> records.applyToTomorrowPlan(id, typedCondition, appliedOn),
                    saved -> {
                        InlineForms.clearIfStill(condition, typedCondition);
                        changed.run();
                    },
                    dialogs::showError);
        });

        DateField approved = InlineForms.date("tomorrowPlanApprovedOn", "tomorrowPlan.approvedOn", today);
        TextField hospital = InlineForms.text("tomorrowPlanHospital", "tomorrowPlan.hospital");
        DateField operation = InlineForms.date("tomorrowPlanOperation", "tomorrowPlan.operationDate", null);
        TextField amount = InlineForms.text("tomorrowPlanAmount", "tomorrowPlan.amount");
        amount.setPrefColumnCount(8);
        Button approve = new Button(Messages.t("tomorrowPlan.recordApproval"));
        approve.setId("approveTomorrowPlan");
        approve.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            TomorrowPlanApplication a =
                                    table.getSelectionModel().getSelectedItem();
                            return a == null || !a.pending();
                        },
                        table.getSelectionModel().selectedItemProperty()));
        approve.setOnAction(e -> {
            approved.commitText();
            operation.commitText();
            TomorrowPlanApplication a = table.getSelectionModel().getSelectedItem();
            if (a == null) {
                return;
            }
            // read here, on the JavaFX thread; the amount is parsed in the task so a bad one is said like the rest
            LocalDate approvedOn = approved.getValue();
            String typedHospital = hospital.getText();
            LocalDate operationOn = operation.getValue();
            String amountId = amount.getId();
            String amountLabel = amount.getPromptText();
            String typedAmount = amount.getText();
            tasks.run(
                    () -> records.recordTomorrowPlanApproval(
                            a.id(),
                            a.version(),
                            approvedOn,
                            typedHospital,
                            operationOn,
                            InlineForms.amount(amountId, amountLabel, typedAmount)),
                    saved -> {
                        InlineForms.clearIfStill(hospital, typedHospital);
                        InlineForms.clearIfStill(amount, typedAmount);
                        if (Objects.equals(operation.getValue(), operationOn)) {
                            operation.setValue(null);
                        }
                        changed.run();
                    },
                    dialogs::showError);
        });
        Button withdraw = VoidButton.under(
                table,
                canVoid,
                TomorrowPlanApplication::voided,
                (a, why) -> records.voidTomorrowPlanApplication(a.id(), why),
                tasks,
                dialogs,
                changed);
        withdraw.setId("voidTomorrowPlan");
        root = new VBox(
                6,
                InlineForms.heading("tomorrowPlan.title"),
                TypedInput.savedBy(
                        InlineForms.row(
                                canCreate, condition, InlineForms.labelled("tomorrowPlan.appliedOn", applied), apply),
                        apply),
                table,
                TypedInput.savedBy(
                        InlineForms.row(
                                canCreate,
                                InlineForms.labelled("tomorrowPlan.approvedOn", approved),
                                hospital,
                                InlineForms.labelled("tomorrowPlan.operationDate", operation),
                                amount,
                                approve),
                        approve),
                withdraw);
    }

    Node node() {
        return root;
    }

    void fill(long residentId, List<TomorrowPlanApplication> applications) {
        this.residentId = residentId;
        table.getItems().setAll(applications);
    }

    void clear() {
        residentId = null;
        table.getItems().clear();
    }
}
