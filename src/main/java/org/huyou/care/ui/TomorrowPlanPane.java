package org.huyou.care.ui;

import java.time.LocalDate;
import java.util.List;
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
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.common.ui.VoidButton;

/**
 * A child's applications to 明天计划 (the Tomorrow Plan): the list with where each stands, a row to record a new one,
 * a row to record the approval of the selected pending one (date, hospital, operation date, amount) or, for an
 * approved one without an operation date, to record that date later, and 作废 for
 * one withdrawn or refused. Pending ones are on the reminders screen through the service. The View of
 * {@link TomorrowPlanViewModel}.
 */
final class TomorrowPlanPane {

    private final TomorrowPlanViewModel model;
    private final TableView<TomorrowPlanApplication> table =
            InlineForms.table("tomorrowPlanTable", 120, "tomorrowPlan.noneYet");
    private final VBox root;

    TomorrowPlanPane(
            MedicalRecordService records,
            TaskRunner tasks,
            DialogService dialogs,
            boolean canCreate,
            boolean canVoid,
            LocalDate today,
            Runnable changed) {
        model = new TomorrowPlanViewModel(records, tasks, FieldMarks.marking(this::node, dialogs), today, changed);
        table.setItems(model.applications());
        TableRows.follow(table, model.selected);
        table.getColumns()
                .add(Columns.wrapped( // the two texts wrap, so the dates and the amount fit beside them at 1366×768
                        "tomorrowPlan.condition",
                        a -> a.condition() + InlineForms.voidMark(a.voided(), a.voidReason()),
                        200));
        table.getColumns()
                .add(Columns.text("tomorrowPlan.status", a -> a.status().label(), 110));
        // the headers of the dates and the amount take two lines where they are long, so every column fits at
        // 1366×768 without a sideways scroll bar
        table.getColumns().add(Columns.text("tomorrowPlan.col.appliedOn", a -> Dates.format(a.appliedOn()), 95));
        table.getColumns().add(Columns.text("tomorrowPlan.col.approvedOn", a -> Dates.format(a.approvedOn()), 95));
        table.getColumns().add(Columns.wrapped("tomorrowPlan.hospital", a -> InlineForms.nz(a.hospital()), 150));
        table.getColumns()
                .add(Columns.text("tomorrowPlan.col.operationDate", a -> Dates.format(a.operationDate()), 120));
        table.getColumns().add(Columns.text("tomorrowPlan.col.amount", a -> Money.format(a.amount()), 100));

        TextField condition =
                InlineForms.bound(InlineForms.text("tomorrowPlanCondition", "tomorrowPlan.condition"), model.condition);
        condition.setPrefColumnCount(18);
        DateField applied = InlineForms.boundDate("tomorrowPlanApplied", "tomorrowPlan.appliedOn", model.appliedOn);
        Button apply = new Button(Messages.t("tomorrowPlan.apply"));
        apply.setId("applyTomorrowPlan");
        apply.setOnAction(e -> {
            applied.commitText();
            model.apply();
        });

        DateField approved =
                InlineForms.boundDate("tomorrowPlanApprovedOn", "tomorrowPlan.approvedOn", model.approvedOn);
        TextField hospital =
                InlineForms.bound(InlineForms.text("tomorrowPlanHospital", "tomorrowPlan.hospital"), model.hospital);
        DateField operation =
                InlineForms.boundDate("tomorrowPlanOperation", "tomorrowPlan.operationDate", model.operationOn);
        TextField amount =
                InlineForms.bound(InlineForms.text("tomorrowPlanAmount", "tomorrowPlan.amount"), model.amount);
        amount.setPrefColumnCount(8);
        Button approve = new Button(Messages.t("tomorrowPlan.recordApproval"));
        approve.setId("approveTomorrowPlan");
        approve.disableProperty().bind(model.cannotApprove());
        approve.setOnAction(e -> {
            approved.commitText();
            operation.commitText();
            model.approve();
        });
        // the plan often approves before the hospital sets a date: the same field fixes it later
        Button fixOperation = new Button(Messages.t("tomorrowPlan.fixOperationDate"));
        fixOperation.setId("fixTomorrowPlanOperation");
        fixOperation.disableProperty().bind(model.cannotFixOperationDate());
        fixOperation.setOnAction(e -> {
            operation.commitText();
            model.fixOperationDate();
        });
        Button withdraw = VoidButton.under(
                table, canVoid, TomorrowPlanApplication::voided, model::voidApplication, tasks, dialogs, changed);
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
                                approve,
                                fixOperation),
                        approve),
                withdraw);
    }

    Node node() {
        return root;
    }

    void fill(long residentId, List<TomorrowPlanApplication> applications) {
        model.fill(residentId, applications);
    }

    void clear() {
        model.clear();
    }
}
