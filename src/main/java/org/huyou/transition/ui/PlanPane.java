package org.huyou.transition.ui;

import static org.huyou.common.ui.InlineForms.area;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.documents.Document;
import org.huyou.security.Accounts;
import org.huyou.transition.ArchivePart;
import org.huyou.transition.Capability;
import org.huyou.transition.FollowUp;
import org.huyou.transition.Pathway;
import org.huyou.transition.Payment;
import org.huyou.transition.Task;
import org.huyou.transition.TransitionService;
import org.huyou.transition.io.TransitionDocuments;

/**
 * One resident's transition: capability assessments, the pathway decision and its approval, the tasks per department,
 * the money, leaving and the visits after it, and the printable plan.
 */
final class PlanPane {

    private final PlanViewModel vm;
    private final DialogService dialogs;
    private final Label who = new Label();
    private final TableView<Capability> assessments = table("assessmentTable", 120, "capability.none");
    private final ComboBox<Capability.Conclusion> conclusion =
            choice("capabilityConclusion", null, Capability.Conclusion.values());
    private final Label suggestion = new Label();
    private final ComboBox<Pathway> pathway = choice("pathwayChoice", null, Pathway.values());
    private final Label planStatus = new Label();

    private final TextArea basis = area("pathwayBasis", "transition.basis");
    private final DateField graduation = date("expectedGraduation", "transition.graduation", null);
    private final TextField topUp = text("cityTopUp", "transition.topUp");
    private final TableView<Task> taskTable = table("taskTable", 200, "task.none");
    private final TableView<Payment> paymentTable = table("paymentTable", 120, "payment.none");
    private final TableView<FollowUp> followUpTable = table("followUpTable", 120, "followUp.none");
    /** The resident's documents that may go into the archive, one tick each (none ticked: the worker chooses). */
    private final FlowPane archiveDocuments = new FlowPane(8, 4);

    private final Label noArchiveDocuments = new Label(Messages.t("archive.noDocuments"));
    private final Node root;

    PlanPane(
            TransitionService transition,
            TransitionDocuments papers,
            TaskRunner tasks,
            DialogService dialogs,
            Clock clock,
            boolean edit,
            boolean approve,
            Path printed,
            Runnable changed) {
        this.vm = new PlanViewModel(transition, papers, tasks, dialogs, clock, edit, printed, changed);
        this.dialogs = dialogs;
        who.setId("transitionWho");
        who.getStyleClass().add("form-heading");
        planStatus.setId("planStatus");
        planStatus.textProperty().bind(vm.planStatus());
        suggestion.setId("pathwaySuggestion");
        suggestion.textProperty().bind(vm.suggestion());
        assessments.setItems(vm.assessments());
        taskTable.setItems(vm.tasks());
        TableRows.follow(taskTable, vm.selectedTask);
        paymentTable.setItems(vm.payments());
        TableRows.follow(paymentTable, vm.selectedPayment);
        followUpTable.setItems(vm.followUps());
        TableRows.follow(followUpTable, vm.selectedFollowUp);
        assessments
                .getColumns()
                .add(Columns.text("capability.date", c -> c.assessedOn().toString(), 100));
        assessments
                .getColumns()
                .add(Columns.text(
                        "capability.scores",
                        c -> c.scores().stream().map(String::valueOf).collect(Collectors.joining(" / ")) + "  ("
                                + c.total() + ")",
                        200));
        assessments
                .getColumns()
                .add(Columns.text(
                        "capability.conclusion",
                        c -> c.conclusion().label() + InlineForms.voidMark(c.voided(), null),
                        200));
        assessments.getColumns().add(Columns.text("common.by", c -> Accounts.displayName(c.createdBy()), 90));
        taskTable.getColumns().add(Columns.text("task.due", t -> t.dueOn().toString(), 95));
        taskTable.getColumns().add(Columns.text("task.what", Task::title, 260));
        taskTable
                .getColumns()
                .add(Columns.text("task.department", t -> t.department().label(), 150));
        taskTable.getColumns().add(Columns.text("task.documents", t -> InlineForms.nz(t.documents()), 240));
        taskTable
                .getColumns()
                .add(Columns.text(
                        "task.status", t -> t.status().label() + (t.doneOn() == null ? "" : " " + t.doneOn()), 120));
        paymentTable.getColumns().add(Columns.text("payment.due", p -> p.dueOn().toString(), 95));
        paymentTable.getColumns().add(Columns.text("payment.kind", p -> p.kind().label() + " " + p.label(), 220));
        paymentTable.getColumns().add(Columns.text("payment.amount", p -> Money.amount(p.amount()), 100));
        paymentTable
                .getColumns()
                .add(Columns.text(
                        "payment.paidOn",
                        // a voided line says so where its payment would stand, reason included
                        p -> p.paidOn() == null
                                ? voidMark(p.voided(), p.voidReason()).strip()
                                : p.paidOn() + " " + InlineForms.nz(p.reference()),
                        420));
        followUpTable
                .getColumns()
                .add(Columns.text("followUp.due", f -> f.dueOn().toString(), 95));
        followUpTable
                .getColumns()
                .add(Columns.text(
                        "followUp.visitedOn",
                        f -> f.visitedOn() == null ? "" : f.visitedOn().toString(),
                        95));
        followUpTable
                .getColumns()
                .add(Columns.text(
                        "followUp.situation",
                        f -> f.visitedOn() == null
                                ? ""
                                : Messages.clauses(nonEmpty(f.housing(), f.work(), f.study(), f.income())),
                        360));
        followUpTable.getColumns().add(Columns.text("followUp.notes", f -> InlineForms.nz(f.notes()), 300));
        // Every scheduled visit in view (four by default, more when the home sets more), not two rows and a scroll bar.
        TableRows.fitToRows(followUpTable, 2);
        root = new VBox(
                8,
                who,
                heading("capability.title"),
                assessments,
                assessmentForm(edit, clock),
                heading("transition.decisionTitle"),
                suggestion,
                decisionForm(edit, approve, clock),
                heading("task.heading"),
                taskTable,
                taskButtons(edit),
                heading("payment.title"),
                paymentTable,
                paymentForm(edit, clock),
                heading("followUp.title"),
                leavingForm(edit, clock),
                followUpTable,
                visitForm(edit, clock),
                printRow(edit));
        root.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());
        vm.row().addListener((o, was, now) -> {
            who.setText(vm.who());
            root.setVisible(now != null);
        });
        // Every read, an equal one too (reading the value lets the next read invalidate it again).
        vm.detail().addListener(o -> {
            if (vm.detail().get() != null) {
                // What the screen shows is the stored decision: setting the same text again fires no change, so say so.
                TypedInput.saved(basis);
                TypedInput.saved(topUp);
            }
        });
    }

    private static List<String> nonEmpty(String... parts) {
        return Arrays.stream(parts)
                .filter(Objects::nonNull)
                .filter(p -> !p.isBlank())
                .toList();
    }

    private Node assessmentForm(boolean visible, Clock clock) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        Capability.Area[] areas = Capability.Area.values();
        for (int i = 0; i < areas.length; i++) {
            ComboBox<Integer> c = new ComboBox<>();
            c.setId("score" + areas[i].name());
            c.getItems()
                    .setAll(IntStream.rangeClosed(0, Capability.MAX_SCORE)
                            .boxed()
                            .toList());
            c.valueProperty().bindBidirectional(vm.scores.get(i));
            grid.add(new Label(areas[i].label()), (i % 3) * 2, i / 3);
            grid.add(c, (i % 3) * 2 + 1, i / 3);
        }
        DateField on = date("capabilityDate", "capability.date", null);
        on.valueProperty().bindBidirectional(vm.assessedOn);
        TextArea notes = area("capabilityNotes", "capability.notes");
        notes.textProperty().bindBidirectional(vm.assessmentNotes);
        notes.setPrefRowCount(2);
        conclusion.valueProperty().bindBidirectional(vm.conclusion);
        Button save = new Button(Messages.t("capability.record"));
        save.setId("recordAssessment");
        save.setOnAction(e -> {
            on.commitText();
            vm.assess();
        });
        Label hint = new Label(Messages.t("capability.scaleHint"));
        return new VBox(
                6,
                row(visible, grid),
                row(visible, hint),
                row(visible, labelled("capability.date", on), notes),
                row(visible, labelled("capability.conclusion", conclusion), save));
    }

    private Node decisionForm(boolean edit, boolean approve, Clock clock) {
        basis.setPrefRowCount(2);
        pathway.valueProperty().bindBidirectional(vm.pathway);
        basis.textProperty().bindBidirectional(vm.basis);
        graduation.valueProperty().bindBidirectional(vm.graduation);
        topUp.textProperty().bindBidirectional(vm.topUp);
        Button decide = new Button(Messages.t("transition.decide"));
        decide.setId("decidePathway");
        decide.setOnAction(e -> {
            graduation.commitText();
            vm.decide(topUp.getPromptText());
        });
        Button ok = new Button(Messages.t("transition.approve"));
        ok.setId("approvePlan");
        ok.setOnAction(e -> vm.approve());
        ok.disableProperty().bind(vm.approvable().not());
        ok.setVisible(approve);
        ok.setManaged(approve);
        planStatus.setWrapText(true);
        return new VBox(
                6,
                row(
                        edit,
                        labelled("transition.pathway", pathway),
                        labelled("transition.graduation", graduation),
                        topUp),
                row(edit, basis, decide),
                row(true, planStatus, ok));
    }

    private Node taskButtons(boolean visible) {
        Button done = new Button(Messages.t("task.markDone"));
        done.setId("taskDone");
        Button notNeeded = new Button(Messages.t("task.markNotNeeded"));
        notNeeded.setId("taskNotNeeded");
        for (Button b : List.of(done, notNeeded)) {
            b.disableProperty()
                    .bind(taskTable.getSelectionModel().selectedItemProperty().isNull());
        }
        done.setOnAction(e -> vm.setTask(Task.Status.DONE));
        notNeeded.setOnAction(e -> vm.setTask(Task.Status.NOT_NEEDED));
        return row(visible, done, notNeeded);
    }

    private Node paymentForm(boolean visible, Clock clock) {
        DateField paid = date("paidOn", "payment.paidOn", null);
        paid.valueProperty().bindBidirectional(vm.paidOn);
        TextField reference = text("paymentReference", "payment.reference");
        reference.textProperty().bindBidirectional(vm.paymentReference);
        Button record = new Button(Messages.t("payment.record"));
        record.setId("recordPayment");
        // only a line still to pay: a paid or voided one is shown, not paid (again)
        var chosen = paymentTable.getSelectionModel().selectedItemProperty();
        record.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> chosen.get() == null || !chosen.get().open(), chosen));
        record.setOnAction(e -> {
            paid.commitText();
            Payment due = vm.selectedPayment.get();
            if (vm.paymentLooksEarly()
                    && !dialogs.confirm(
                            Messages.t("payment.earlyTitle"),
                            Messages.t(
                                    "payment.earlyText",
                                    vm.paidOn.get().toString(),
                                    due.dueOn().toString()),
                            Messages.t("payment.record"),
                            Messages.t("common.cancel"))) {
                return;
            }
            vm.recordPaid();
        });
        return row(visible, labelled("payment.paidOn", paid), reference, record);
    }

    private Node leavingForm(boolean visible, Clock clock) {
        DateField left = date("leftOn", "transition.leftOn", null);
        left.valueProperty().bindBidirectional(vm.leftOn);
        Button record = new Button(Messages.t("transition.recordLeaving"));
        record.setId("recordLeaving");
        record.setOnAction(e -> {
            left.commitText();
            vm.recordLeaving();
        });
        return row(visible, labelled("transition.leftOn", left), record);
    }

    private Node visitForm(boolean visible, Clock clock) {
        DateField on = date("visitedOn", "followUp.visitedOn", null);
        on.valueProperty().bindBidirectional(vm.visitedOn);
        TextField housing = InlineForms.bound(text("followUpHousing", "followUp.housing"), vm.housing);
        TextField work = InlineForms.bound(text("followUpWork", "followUp.work"), vm.work);
        TextField study = InlineForms.bound(text("followUpStudy", "followUp.study"), vm.study);
        TextField income = InlineForms.bound(text("followUpIncome", "followUp.income"), vm.income);
        TextField notes = InlineForms.bound(text("followUpNotes", "followUp.notes"), vm.visitNotes);
        Button record = new Button(Messages.t("followUp.record"));
        record.setId("recordFollowUp");
        record.disableProperty()
                .bind(followUpTable.getSelectionModel().selectedItemProperty().isNull());
        record.setOnAction(e -> {
            on.commitText();
            vm.recordVisit();
        });
        return row(visible, labelled("followUp.visitedOn", on), housing, work, study, income, notes, record);
    }

    private Node printRow(boolean editable) {
        CheckBox care = new CheckBox(Messages.t("transition.includeCare"));
        care.setId("includeCare");
        care.selectedProperty().bindBidirectional(vm.includeCare);
        Button print = new Button(Messages.t("transition.print"));
        print.setId("printPlan");
        print.setOnAction(e -> vm.printPlan());
        List<CheckBox> parts = Arrays.stream(ArchivePart.values())
                .map(a -> {
                    CheckBox b = new CheckBox(a.label());
                    b.setId("archive" + a.name());
                    b.setSelected(vm.archiveParts.contains(a));
                    b.selectedProperty().addListener((o, was, on) -> {
                        if (on) {
                            vm.archiveParts.add(a);
                        } else {
                            vm.archiveParts.remove(a);
                        }
                    });
                    return b;
                })
                .toList();
        Button export = new Button(Messages.t("archive.export"));
        export.setId("exportArchive");
        export.setOnAction(e -> vm.exportArchive());
        FlowPane choice = new FlowPane(8, 4);
        choice.getChildren().addAll(parts);
        archiveDocuments.setId("archiveDocuments");
        vm.documents().addListener((ListChangeListener<Document>) c -> showDocuments());
        noArchiveDocuments.managedProperty().bind(noArchiveDocuments.visibleProperty());
        return new VBox(
                6,
                row(true, print, care),
                heading("archive.title.choose"),
                row(editable, choice),
                row(editable, new Label(Messages.t("archive.chooseDocuments")), noArchiveDocuments),
                row(editable, archiveDocuments),
                row(editable, export));
    }

    /** One tick a document, as the ViewModel has it ticked. */
    private void showDocuments() {
        archiveDocuments
                .getChildren()
                .setAll(vm.documents().stream()
                        .map(doc -> {
                            CheckBox b = new CheckBox(Messages.t(
                                    "archive.documentChoice",
                                    doc.kind().label(),
                                    doc.title(),
                                    doc.paperDate() == null
                                            ? ""
                                            : doc.paperDate().toString()));
                            b.setId("archiveDoc" + doc.id());
                            b.setSelected(vm.tickedDocuments.contains(doc.id()));
                            b.selectedProperty().addListener((o, was, on) -> {
                                if (on) {
                                    vm.tickedDocuments.add(doc.id());
                                } else {
                                    vm.tickedDocuments.remove(doc.id());
                                }
                            });
                            return b;
                        })
                        .toList());
        noArchiveDocuments.setVisible(vm.documents().isEmpty());
    }

    void show(TransitionService.Row selected) {
        vm.show(selected);
    }

    Node node() {
        return root;
    }
}
