package org.huyou.transition.ui;

import static org.huyou.common.ui.InlineForms.area;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
 * One resident's transition: capability assessments, the pathway decision and its approval, the tasks per department,
 * the money, leaving and the visits after it, and the printable plan.
 */
final class PlanPane {

    private final TransitionService transition;
    private final TransitionDocuments papers;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Runnable changed;
    private final Label who = new Label();
    private final TableView<Capability> assessments = table("assessmentTable", 120, "capability.none");
    private final List<ComboBox<Integer>> scores = new ArrayList<>();
    private final ComboBox<Capability.Conclusion> conclusion =
            choice("capabilityConclusion", null, Capability.Conclusion.values());
    private final Label suggestion = new Label();
    private final ComboBox<Pathway> pathway = choice("pathwayChoice", null, Pathway.values());
    private final Label planStatus = new Label();
    /** Only a draft awaits approval: after approving, the button goes grey instead of offering a stale second try. */
    private final BooleanProperty approvable = new SimpleBooleanProperty();

    private final TextArea basis = area("pathwayBasis", "transition.basis");
    private final DateField graduation = date("expectedGraduation", "transition.graduation", null);
    private final TextField topUp = text("cityTopUp", "transition.topUp");
    private final TableView<Task> taskTable = table("taskTable", 200, "task.none");
    private final TableView<Payment> paymentTable = table("paymentTable", 120, "payment.none");
    private final TableView<FollowUp> followUpTable = table("followUpTable", 120, "followUp.none");
    /** The resident's documents that may go into the archive, one tick each (none ticked: the worker chooses). */
    private final FlowPane archiveDocuments = new FlowPane(8, 4);

    private final Label noArchiveDocuments = new Label(Messages.t("archive.noDocuments"));
    private final boolean edit;
    private final Node root;
    private TransitionService.Row row;
    private TransitionService.Detail detail;

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
        this.transition = transition;
        this.papers = papers;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changed = changed;
        this.edit = edit;
        who.setId("transitionWho");
        who.getStyleClass().add("form-heading");
        planStatus.setId("planStatus");
        suggestion.setId("pathwaySuggestion");
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
                        p -> p.paidOn() == null ? "" : p.paidOn() + " " + InlineForms.nz(p.reference()),
                        200));
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
                printRow(printed, edit));
        root.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());
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
            c.valueProperty().addListener((o, a, b) -> suggestConclusion());
            scores.add(c);
            grid.add(new Label(areas[i].label()), (i % 3) * 2, i / 3);
            grid.add(c, (i % 3) * 2 + 1, i / 3);
        }
        DateField on = date("capabilityDate", "capability.date", LocalDate.now(clock));
        TextArea notes = area("capabilityNotes", "capability.notes");
        notes.setPrefRowCount(2);
        Button save = new Button(Messages.t("capability.record"));
        save.setId("recordAssessment");
        save.setOnAction(e -> {
            long id = row.residentId();
            on.commitText();
            LocalDate d = on.getValue();
            List<Integer> s = scores.stream().map(ComboBox::getValue).toList();
            String n = notes.getText();
            Capability.Conclusion c = conclusion.getValue();
            tasks.run(
                    () -> transition.assess(id, d, s, n, c),
                    a -> {
                        notes.clear();
                        scores.forEach(x -> x.setValue(null));
                        saved();
                    },
                    dialogs::showError);
        });
        Label hint = new Label(Messages.t("capability.scaleHint"));
        return new VBox(
                6,
                row(visible, grid),
                row(visible, hint),
                row(visible, labelled("capability.date", on), notes),
                row(visible, labelled("capability.conclusion", conclusion), save));
    }

    private void suggestConclusion() {
        if (scores.stream().allMatch(c -> c.getValue() != null)) {
            conclusion.setValue(
                    Capability.suggest(scores.stream().map(ComboBox::getValue).toList()));
        }
    }

    private Node decisionForm(boolean edit, boolean approve, Clock clock) {
        basis.setPrefRowCount(2);
        Button decide = new Button(Messages.t("transition.decide"));
        decide.setId("decidePathway");
        decide.setOnAction(e -> {
            long id = row.residentId();
            graduation.commitText();
            Pathway p = pathway.getValue();
            String b = basis.getText();
            LocalDate g = graduation.getValue();
            String typed = topUp.getText();
            String label = topUp.getPromptText();
            tasks.run(
                    () -> transition.decide(id, p, b, g, InlineForms.amount("cityTopUp", label, typed)),
                    plan -> {
                        dialogs.notifySuccess(Messages.t("transition.decided"));
                        saved();
                    },
                    dialogs::showError);
        });
        Button ok = new Button(Messages.t("transition.approve"));
        ok.setId("approvePlan");
        ok.setOnAction(e -> {
            TransitionPlan p = detail.plan().orElseThrow();
            tasks.run(
                    () -> transition.approve(p.id(), p.version()),
                    x -> {
                        dialogs.notifySuccess(Messages.t("transition.approved"));
                        saved();
                    },
                    dialogs::showError);
        });
        ok.disableProperty().bind(approvable.not());
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
        done.setOnAction(e -> setTask(Task.Status.DONE));
        notNeeded.setOnAction(e -> setTask(Task.Status.NOT_NEEDED));
        return row(visible, done, notNeeded);
    }

    private void setTask(Task.Status status) {
        long id = taskTable.getSelectionModel().getSelectedItem().id();
        tasks.run(
                () -> {
                    transition.setTaskStatus(id, status, null);
                    return true;
                },
                ok -> saved(),
                dialogs::showError);
    }

    /** A payment dated more than this many days before it is due asks first. */
    static final int EARLY_DAYS = 30;

    private Node paymentForm(boolean visible, Clock clock) {
        DateField paid = date("paidOn", "payment.paidOn", LocalDate.now(clock));
        TextField reference = text("paymentReference", "payment.reference");
        Button record = new Button(Messages.t("payment.record"));
        record.setId("recordPayment");
        record.disableProperty()
                .bind(paymentTable.getSelectionModel().selectedItemProperty().isNull());
        record.setOnAction(e -> {
            long id = paymentTable.getSelectionModel().getSelectedItem().id();
            paid.commitText();
            LocalDate d = paid.getValue();
            String r = reference.getText();
            Payment due = paymentTable.getSelectionModel().getSelectedItem();
            // a date months before the payment is due is more often a slip of the date picker than an early payment
            if (d != null
                    && d.isBefore(due.dueOn().minusDays(EARLY_DAYS))
                    && !dialogs.confirm(
                            Messages.t("payment.earlyTitle"),
                            Messages.t(
                                    "payment.earlyText",
                                    d.toString(),
                                    due.dueOn().toString()),
                            Messages.t("payment.record"),
                            Messages.t("common.cancel"))) {
                return;
            }
            tasks.run(
                    () -> {
                        transition.recordPaid(id, d, r);
                        return true;
                    },
                    ok -> {
                        reference.clear();
                        saved();
                    },
                    dialogs::showError);
        });
        return row(visible, labelled("payment.paidOn", paid), reference, record);
    }

    private Node leavingForm(boolean visible, Clock clock) {
        DateField left = date("leftOn", "transition.leftOn", LocalDate.now(clock));
        Button record = new Button(Messages.t("transition.recordLeaving"));
        record.setId("recordLeaving");
        record.setOnAction(e -> {
            TransitionPlan p = detail.plan().orElseThrow(() -> new IllegalStateException("no plan"));
            left.commitText();
            LocalDate d = left.getValue();
            tasks.run(
                    () -> {
                        transition.recordLeaving(p.id(), d);
                        return true;
                    },
                    ok -> saved(),
                    dialogs::showError);
        });
        return row(visible, labelled("transition.leftOn", left), record);
    }

    private Node visitForm(boolean visible, Clock clock) {
        DateField on = date("visitedOn", "followUp.visitedOn", LocalDate.now(clock));
        TextField housing = text("followUpHousing", "followUp.housing");
        TextField work = text("followUpWork", "followUp.work");
        TextField study = text("followUpStudy", "followUp.study");
        TextField income = text("followUpIncome", "followUp.income");
        TextField notes = text("followUpNotes", "followUp.notes");
        Button record = new Button(Messages.t("followUp.record"));
        record.setId("recordFollowUp");
        record.disableProperty()
                .bind(followUpTable.getSelectionModel().selectedItemProperty().isNull());
        record.setOnAction(e -> {
            FollowUp f = followUpTable.getSelectionModel().getSelectedItem();
            on.commitText();
            FollowUp visit = new FollowUp(
                    f.id(),
                    f.planId(),
                    f.dueOn(),
                    on.getValue(),
                    housing.getText(),
                    work.getText(),
                    study.getText(),
                    income.getText(),
                    notes.getText());
            tasks.run(
                    () -> {
                        transition.recordVisit(visit);
                        return true;
                    },
                    ok -> {
                        List.of(housing, work, study, income, notes).forEach(TextField::clear);
                        saved();
                    },
                    dialogs::showError);
        });
        return row(visible, labelled("followUp.visitedOn", on), housing, work, study, income, notes, record);
    }

    private Node printRow(Path printed, boolean editable) {
        CheckBox care = new CheckBox(Messages.t("transition.includeCare"));
        care.setId("includeCare");
        Button print = new Button(Messages.t("transition.print"));
        print.setId("printPlan");
        print.setOnAction(e -> {
            long id = row.residentId();
            boolean include = care.isSelected();
            tasks.run(
                    () -> papers.printPlan(id, include, printed),
                    f -> dialogs.notifySuccess(Messages.t("plan.written", f)),
                    dialogs::showError);
        });
        List<CheckBox> parts = Arrays.stream(ArchivePart.values())
                .map(a -> {
                    CheckBox b = new CheckBox(a.label());
                    b.setId("archive" + a.name());
                    b.setUserData(a);
                    b.setSelected(true);
                    return b;
                })
                .toList();
        Button export = new Button(Messages.t("archive.export"));
        export.setId("exportArchive");
        export.setOnAction(e -> {
            long id = row.residentId();
            Set<ArchivePart> chosen = parts.stream()
                    .filter(CheckBox::isSelected)
                    .map(b -> (ArchivePart) b.getUserData())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ArchivePart.class)));
            List<Long> documents = archiveDocuments.getChildren().stream()
                    .map(CheckBox.class::cast)
                    .filter(CheckBox::isSelected)
                    .map(b -> (Long) b.getUserData())
                    .toList();
            tasks.run(
                    () -> papers.exportArchive(id, chosen, documents, printed),
                    f -> dialogs.notifySuccess(Messages.t("archive.written", f)),
                    dialogs::showError);
        });
        FlowPane choice = new FlowPane(8, 4);
        choice.getChildren().addAll(parts);
        archiveDocuments.setId("archiveDocuments");
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

    void show(TransitionService.Row selected) {
        boolean same = row != null && row.residentId() == selected.residentId();
        row = selected;
        if (same) {
            return; // the dashboard refreshed under the same resident: nothing to load again
        }
        who.setText(Messages.t("transition.who", selected.name(), selected.recordNo(), selected.eighteenth()));
        root.setVisible(true);
        archiveDocuments.getChildren().clear(); // another child: nothing of the previous one stays ticked
        reload();
    }

    private void reload() {
        long id = row.residentId();
        tasks.run(
                () -> transition.detail(id),
                d -> {
                    if (row == null || row.residentId() != d.residentId()) {
                        return; // another resident was selected meanwhile
                    }
                    detail = d;
                    assessments.getItems().setAll(d.assessments());
                    suggestion.setText(d.suggestion()
                            .map(s -> Messages.t(
                                    "transition.suggested",
                                    s.conclusion().label(),
                                    s.pathway().label(),
                                    s.studying() ? Messages.t("transition.studying") : ""))
                            .orElse(Messages.t("transition.notAssessed")));
                    d.suggestion()
                            .ifPresent(s -> pathway.setValue(
                                    d.plan().map(TransitionPlan::pathway).orElse(s.pathway())));
                    // The form shows the decision as it stands, so a change starts from it.
                    basis.setText(d.plan().map(TransitionPlan::basis).orElse(""));
                    graduation.setValue(
                            d.plan().map(TransitionPlan::expectedGraduation).orElse(null));
                    topUp.setText(d.plan()
                            .map(TransitionPlan::cityTopUp)
                            .map(BigDecimal::toPlainString)
                            .orElse(""));
                    // What the screen shows is the stored decision: setting the same text again fires no change, so say
                    // so.
                    TypedInput.saved(basis);
                    TypedInput.saved(topUp);
                    // the approver reads the decision in full here: pathway, status, the written basis and any city
                    // top-up
                    planStatus.setText(d.plan()
                            .map(p -> Messages.t(
                                            "transition.planStatus",
                                            p.pathway().label(),
                                            p.status().label(),
                                            Accounts.displayName(p.decidedBy()))
                                    + "\n"
                                    + Messages.t(
                                            "transition.basisLine",
                                            InlineForms.nz(p.basis()),
                                            p.cityTopUp() == null
                                                    ? Messages.t("transition.noTopUp")
                                                    : Money.yuan(p.cityTopUp())))
                            .orElse(Messages.t("transition.noPlan")));
                    approvable.set(d.plan()
                            .map(p -> p.status() == TransitionPlan.Status.DRAFT)
                            .orElse(false));
                    taskTable.getItems().setAll(d.tasks());
                    paymentTable.getItems().setAll(d.payments());
                    followUpTable.getItems().setAll(d.followUps());
                },
                dialogs::showError);
        if (edit) {
            tasks.run(
                    () -> papers.archiveDocuments(id),
                    docs -> {
                        if (row == null || row.residentId() != id) {
                            return;
                        }
                        // ticks already made for this resident stay across a reload (after recording a task, say)
                        java.util.Set<Long> ticked = archiveDocuments.getChildren().stream()
                                .map(CheckBox.class::cast)
                                .filter(CheckBox::isSelected)
                                .map(b -> (Long) b.getUserData())
                                .collect(Collectors.toSet());
                        archiveDocuments
                                .getChildren()
                                .setAll(docs.stream()
                                        .map(doc -> {
                                            CheckBox b = new CheckBox(Messages.t(
                                                    "archive.documentChoice",
                                                    doc.kind().label(),
                                                    doc.title(),
                                                    doc.paperDate() == null
                                                            ? ""
                                                            : doc.paperDate().toString()));
                                            b.setId("archiveDoc" + doc.id());
                                            b.setUserData(doc.id());
                                            b.setSelected(ticked.contains(doc.id()));
                                            return b;
                                        })
                                        .toList());
                        noArchiveDocuments.setVisible(docs.isEmpty());
                    },
                    dialogs::showError);
        }
    }

    /** After a change: this resident's plan again, and the dashboard (status, overdue tasks). */
    private void saved() {
        reload();
        changed.run();
    }

    Node node() {
        return root;
    }
}
