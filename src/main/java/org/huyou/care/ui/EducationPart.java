package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.nz;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.security.AccountService;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** Special education: placement with its history, the individual education plan's goals, and progress. */
public final class EducationPart extends LoadingPart<EducationPart.Loaded> {

    private final EducationService education;
    private final TableView<Education.Placement> placements = table("placementTable", 110, "education.noPlacement");
    private final TableView<Education.Plan> plans = table("iepTable", 90, "education.noPlans");
    private final TableView<Education.Goal> goals = table("iepGoalTable", 120, "education.noGoals");
    private final TableView<Education.Progress> progress = table("progressTable", 150, "education.noProgress");
    private final VBox root;
    private Map<Long, List<Education.Goal>> goalsByPlan = Map.of();
    private final AccountService accounts;
    private final ComboBox<AccountService.StaffMember> teacher = new ComboBox<>();

    /** What the tab shows for one resident. */
    record Loaded(
            List<Education.Placement> placements,
            List<Education.Plan> plans,
            Map<Long, List<Education.Goal>> goals,
            List<Education.Progress> progress,
            List<AccountService.StaffMember> staff) {}

    public EducationPart(
            EducationService education,
            AccountService accounts,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        super(tasks, dialogs, clock);
        this.education = education;
        this.accounts = accounts;
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
        plans.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, p) ->
                        goals.getItems().setAll(p == null ? List.of() : goalsByPlan.getOrDefault(p.id(), List.of())));
        root = InlineForms.scrolled(
                heading("education.placements"),
                placementForm(create),
                placements,
                VoidButton.under(
                        placements,
                        voids,
                        Education.Placement::voided,
                        (p, why) -> education.voidEntry(EducationService.Entry.PLACEMENT, p.id(), why),
                        tasks,
                        dialogs,
                        changed()),
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
                        (p, why) -> education.voidEntry(EducationService.Entry.PROGRESS, p.id(), why),
                        tasks,
                        dialogs,
                        changed()));
    }

    private Node placementForm(boolean visible) {
        DateField start = date("placementStart", "education.start", today());
        ComboBox<Education.PlacementKind> kind = choice("placementKind", null, Education.PlacementKind.values());
        TextField school = text("placementSchool", "education.school");
        TextField className = text("placementClass", "education.className");
        teacher.setId("placementTeacher");
        teacher.setPromptText(Messages.t("education.teacher"));
        teacher.setConverter(Converters.of(m -> m.displayName() + " (" + m.username() + ")"));
        Button add = new Button(Messages.t("education.place"));
        add.setId("addPlacement");
        add.setOnAction(e -> {
            start.commitText();
            save(
                    () -> education.place(
                            residentId,
                            start.getValue(),
                            kind.getValue(),
                            school.getText(),
                            className.getText(),
                            teacher.getValue() == null
                                    ? null
                                    : teacher.getValue().username()),
                    school,
                    className);
        });
        return row(visible, labelled("education.start", start), kind, school, className, teacher, add);
    }

    private Node planForm(boolean visible) {
        TextField title = text("iepTitle", "education.planTitle");
        DateField start = date("iepStart", "education.start", today());
        DateField review = date("iepReview", "education.reviewDue", today().plusMonths(6));
        Button add = new Button(Messages.t("education.addPlan"));
        add.setId("addIep");
        add.setOnAction(e -> {
            start.commitText();
            review.commitText();
            save(() -> education.createPlan(residentId, title.getText(), start.getValue(), review.getValue()), title);
        });
        return row(visible, title, labelled("education.start", start), labelled("education.reviewDue", review), add);
    }

    private Node reviewForm(boolean visible) {
        TextField summary = text("iepReviewSummary", "plan.reviewSummary");
        DateField next = date("iepNextReview", "plan.nextReview", today().plusMonths(6));
        Button review = new Button(Messages.t("plan.review"));
        review.setId("reviewIep");
        review.disableProperty()
                .bind(plans.getSelectionModel().selectedItemProperty().isNull());
        review.setOnAction(e -> {
            next.commitText();
            long plan = plans.getSelectionModel().getSelectedItem().id();
            save(() -> education.reviewPlan(plan, today(), summary.getText(), next.getValue()), summary);
        });
        return row(visible, summary, labelled("plan.nextReview", next), review);
    }

    private Node goalForm(boolean visible) {
        ComboBox<Education.Area> area = choice("iepGoalArea", null, Education.Area.values());
        TextField description = text("iepGoalText", "education.goal");
        description.setPrefColumnCount(28);
        Button add = new Button(Messages.t("education.addGoal"));
        add.setId("addIepGoal");
        add.disableProperty()
                .bind(plans.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> {
            long plan = plans.getSelectionModel().getSelectedItem().id();
            save(() -> education.addGoal(plan, area.getValue(), description.getText()), description);
        });
        return row(visible, area, description, add);
    }

    private Node progressForm(boolean visible) {
        DateField day = date("progressDate", "education.progressDate", today());
        ComboBox<Education.Level> level = choice("progressLevel", Education.Level.EMERGING, Education.Level.values());
        TextField note = text("progressNote", "education.note");
        note.setPrefColumnCount(24);
        Button add = new Button(Messages.t("education.recordProgress"));
        add.setId("recordProgress");
        add.disableProperty()
                .bind(goals.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> {
            day.commitText();
            long goal = goals.getSelectionModel().getSelectedItem().id();
            save(() -> education.recordProgress(goal, day.getValue(), level.getValue(), note.getText()), note);
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
    protected Loaded load(long id) {
        List<Education.Plan> p = education.plans(id);
        Map<Long, List<Education.Goal>> g = new HashMap<>();
        for (Education.Plan plan : p) {
            g.put(plan.id(), education.goals(plan.id()));
        }
        return new Loaded(education.placements(id), p, g, education.progress(id, 100), accounts.staff());
    }

    @Override
    protected void fill(Loaded l) {
        goalsByPlan = l.goals();
        AccountService.StaffMember chosen = teacher.getValue();
        // By the name shown, not the account's username the list comes in.
        teacher.getItems()
                .setAll(l.staff().stream()
                        .sorted(Messages.byText(m -> m.displayName()))
                        .toList());
        teacher.setValue(chosen);
        placements.getItems().setAll(l.placements());
        plans.getItems().setAll(l.plans());
        progress.getItems().setAll(l.progress());
        if (!l.plans().isEmpty()) {
            plans.getSelectionModel().selectFirst();
        }
    }

    @Override
    protected void clear() {
        goalsByPlan = Map.of();
        placements.getItems().clear();
        plans.getItems().clear();
        goals.getItems().clear();
        progress.getItems().clear();
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
