package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.boundDate;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.nz;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.care.education.Education;
import org.huyou.care.education.EducationService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.AccountService;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Special education (the View of {@link EducationViewModel}): placement with its history, the individual education
 * plan's goals, and progress.
 */
public final class EducationPart implements FilePartView {

    private final EducationViewModel model;
    private final TableView<Education.Placement> placements = table("placementTable", 110, "education.noPlacement");
    private final TableView<Education.Plan> plans = table("iepTable", 90, "education.noPlans");
    private final TableView<Education.Goal> goals = table("iepGoalTable", 120, "education.noGoals");
    private final TableView<Education.Progress> progress = table("progressTable", 150, "education.noProgress");
    private final VBox root;

    public EducationPart(
            EducationService education,
            AccountService accounts,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        model = new EducationViewModel(education, accounts, tasks, FieldMarks.marking(this::node, dialogs), clock);
        boolean create = user.can(AppModule.EDUCATION, Action.CREATE);
        boolean voids = user.can(AppModule.EDUCATION, Action.VOID);
        placements.getColumns().add(Columns.text("education.start", p -> Dates.format(p.start()), 95));
        placements
                .getColumns()
                .add(Columns.text("education.kind", p -> p.kind().label() + voidMark(p.voided(), p.voidReason()), 160));
        placements.getColumns().add(Columns.text("education.school", p -> nz(p.school()), 140));
        placements.getColumns().add(Columns.text("education.className", p -> nz(p.className()), 100));
        placements.getColumns().add(Columns.text("education.teacher", p -> nz(Accounts.displayName(p.teacher())), 80));
        plans.getColumns()
                .add(Columns.text("education.planTitle", p -> p.title() + voidMark(p.voided(), p.voidReason()), 220));
        plans.getColumns().add(Columns.text("education.start", p -> Dates.format(p.start()), 95));
        plans.getColumns().add(Columns.text("education.reviewDue", p -> Dates.format(p.reviewDue()), 95));
        plans.getColumns().add(Columns.text("education.teacher", p -> Accounts.displayName(p.teacher()), 80));
        goals.getColumns().add(Columns.text("education.area", g -> g.area().label(), 100));
        goals.getColumns()
                .add(Columns.text("education.goal", g -> g.description() + voidMark(g.voided(), g.voidReason()), 240));
        goals.getColumns()
                .add(Columns.text(
                        "education.level",
                        g -> g.latest() == null ? "" : g.latest().label(),
                        90));
        progress.getColumns().add(Columns.text("education.progressDate", p -> Dates.format(p.date()), 95));
        progress.getColumns().add(Columns.text("education.goal", p -> p.goal(), 200));
        progress.getColumns()
                .add(Columns.text(
                        "education.level", p -> p.level().label() + voidMark(p.voided(), p.voidReason()), 90));
        progress.getColumns().add(Columns.text("education.note", p -> nz(p.note()), 200));
        placements.setItems(model.placements());
        plans.setItems(model.plans());
        goals.setItems(model.goals());
        progress.setItems(model.progress());
        TableRows.follow(plans, model.plan);
        TableRows.follow(goals, model.goal);
        root = InlineForms.scrolled(
                heading("education.placements"),
                placementForm(create),
                placements,
                VoidButton.under(
                        placements,
                        voids,
                        Education.Placement::voided,
                        model::voidPlacement,
                        tasks,
                        dialogs,
                        model::changed),
                heading("education.plans"),
                planForm(create),
                plans,
                reviewForm(user.can(AppModule.EDUCATION, Action.EDIT)),
                goalForm(create),
                goals,
                heading("education.progress"),
                progressForm(create),
                progress,
                VoidButton.under(
                        progress,
                        voids,
                        Education.Progress::voided,
                        model::voidProgress,
                        tasks,
                        dialogs,
                        model::changed));
    }

    private Node placementForm(boolean visible) {
        DateField start = boundDate("placementStart", "education.start", model.placementStart);
        ComboBox<Education.PlacementKind> kind = choice("placementKind", null, Education.PlacementKind.values());
        kind.valueProperty().bindBidirectional(model.kind);
        TextField school = bound(text("placementSchool", "education.school"), model.school);
        TextField className = bound(text("placementClass", "education.className"), model.className);
        ComboBox<AccountService.StaffMember> teacher = new ComboBox<>(model.teachers());
        teacher.setId("placementTeacher");
        teacher.setPromptText(Messages.t("education.teacher"));
        teacher.setConverter(Converters.of(m -> m.displayName() + " (" + m.username() + ")"));
        teacher.valueProperty().bindBidirectional(model.teacher);
        Button add = new Button(Messages.t("education.place"));
        add.setId("addPlacement");
        add.setOnAction(e -> {
            start.commitText();
            model.place();
        });
        return row(visible, labelled("education.start", start), kind, school, className, teacher, add);
    }

    private Node planForm(boolean visible) {
        TextField title = bound(text("iepTitle", "education.planTitle"), model.planTitle);
        DateField start = boundDate("iepStart", "education.start", model.planStart);
        DateField review = boundDate("iepReview", "education.reviewDue", model.planReview);
        Button add = new Button(Messages.t("education.addPlan"));
        add.setId("addIep");
        add.setOnAction(e -> {
            start.commitText();
            review.commitText();
            model.addPlan();
        });
        return row(visible, title, labelled("education.start", start), labelled("education.reviewDue", review), add);
    }

    private Node reviewForm(boolean visible) {
        TextField summary = bound(text("iepReviewSummary", "plan.reviewSummary"), model.reviewSummary);
        DateField next = boundDate("iepNextReview", "plan.nextReview", model.nextReview);
        Button review = new Button(Messages.t("plan.review"));
        review.setId("reviewIep");
        review.disableProperty().bind(model.plan.isNull());
        review.setOnAction(e -> {
            next.commitText();
            model.reviewPlan();
        });
        return row(visible, summary, labelled("plan.nextReview", next), review);
    }

    private Node goalForm(boolean visible) {
        ComboBox<Education.Area> area = choice("iepGoalArea", null, Education.Area.values());
        area.valueProperty().bindBidirectional(model.area);
        TextField description = bound(text("iepGoalText", "education.goal"), model.goalText);
        description.setPrefColumnCount(28);
        Button add = new Button(Messages.t("education.addGoal"));
        add.setId("addIepGoal");
        add.disableProperty().bind(model.plan.isNull());
        add.setOnAction(e -> model.addGoal());
        return row(visible, area, description, add);
    }

    private Node progressForm(boolean visible) {
        DateField day = boundDate("progressDate", "education.progressDate", model.progressDate);
        ComboBox<Education.Level> level = choice("progressLevel", Education.Level.EMERGING, Education.Level.values());
        level.valueProperty().bindBidirectional(model.level);
        TextField note = bound(text("progressNote", "education.note"), model.note);
        note.setPrefColumnCount(24);
        Button add = new Button(Messages.t("education.recordProgress"));
        add.setId("recordProgress");
        add.disableProperty().bind(model.goal.isNull());
        add.setOnAction(e -> {
            day.commitText();
            model.recordProgress();
        });
        return row(
                visible,
                new Label(Messages.t("education.forSelectedGoal")),
                labelled("education.progressDate", day),
                level,
                note,
                add);
    }

    @Override
    public FilePartViewModel<?> model() {
        return model;
    }

    @Override
    public String title() {
        return Messages.t("careDomain.EDUCATION");
    }

    @Override
    public Node node() {
        return root;
    }
}
