package org.huyou.volunteers.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.time.YearMonth;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.EmptyList;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.RowAction;
import org.huyou.common.ui.TableRows;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.PlannedActivity;
import org.huyou.volunteers.RosterLine;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.Volunteer;

/**
 * A month of shifts: plan activities, see who is on the selected one and record their attendance, and sign volunteers
 * up from the candidates, matched by the specialty wanted (those who may not take it say why).
 */
final class ShiftsTab {

    private final ShiftsViewModel model;
    private final DialogService dialogs;
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final TableView<PlannedActivity> activities = table("activityTable", 220, "activity.none");
    private final TableView<RosterLine> roster = table("rosterTable", 150, "activity.noneSignedUp");
    private final TableView<ShiftService.Candidate> candidates = table("candidateTable", 200, "volunteer.none");
    private final TextField candidateSearch = InlineForms.searchBox(text("candidateSearch", "volunteer.search"));
    /** Room left above the candidates when they fill the view: their heading and search box. */
    private static final double CANDIDATE_HEADER_ROOM = 80;

    private final Node root;

    ShiftsTab(ShiftsViewModel model, DialogService dialogs, boolean edit) {
        this.model = model;
        this.dialogs = dialogs;
        month.setId("shiftMonth");
        month.setItems(model.months());
        month.valueProperty().bindBidirectional(model.monthProperty());
        month.setConverter(Converters.of(m -> Messages.t("common.yearMonth", m.getYear(), m.getMonthValue())));
        activities.setItems(model.activities());
        TableRows.follow(activities, model.activityProperty());
        roster.setItems(model.roster());
        TableRows.follow(roster, model.rosterLineProperty());
        candidates.setItems(model.candidates());
        TableRows.follow(candidates, model.candidateProperty());
        candidateSearch.textProperty().bindBidirectional(model.candidateSearchProperty());
        EmptyList.follow(candidates, candidateSearch.textProperty(), "volunteer.none", "volunteer.noMatch");
        activities
                .getColumns()
                .add(Columns.text("activity.date", p -> p.activity().date().toString(), 95));
        activities
                .getColumns()
                .add(Columns.text(
                        "activity.time",
                        p -> p.activity().start() + "-" + p.activity().end(),
                        95));
        activities
                .getColumns()
                .add(Columns.text("activity.title", p -> p.activity().title(), 160));
        activities
                .getColumns()
                .add(Columns.text("activity.type", p -> p.activity().type().label(), 80));
        activities
                .getColumns()
                .add(Columns.text(
                        "activity.place", p -> InlineForms.nz(p.activity().place()), 90));
        activities
                .getColumns()
                .add(Columns.text(
                        "activity.specialty",
                        p -> p.activity().specialty() == null
                                ? Messages.t("activity.anySpecialty")
                                : p.activity().specialty().label(),
                        80));
        activities
                .getColumns()
                .add(Columns.text(
                        "activity.places",
                        p -> p.signedUp() + " / " + p.activity().capacity(),
                        90));
        activities
                .getColumns()
                .add(Columns.text(
                        "activity.withChildren",
                        p -> p.activity().withChildren() ? Messages.t("common.yes") : Messages.t("common.no"),
                        80));
        roster.getColumns().add(Columns.text("volunteer.name", RosterLine::name, 100));
        roster.getColumns().add(Columns.text("volunteer.phone", RosterLine::phone, 110));
        roster.getColumns().add(Columns.text("volunteer.organisation", r -> InlineForms.nz(r.organisation()), 150));
        roster.getColumns().add(Columns.text("activity.attendance", ShiftsViewModel::attendanceMark, 220));
        // one put on the shift despite the background check carries the reason, and who gave it
        roster.getColumns().add(Columns.wrapped("activity.checkColumn", ShiftsViewModel::checkMark, 260));
        candidates
                .getColumns()
                .add(Columns.text("volunteer.name", c -> c.volunteer().name(), 100));
        candidates
                .getColumns()
                .add(Columns.text(
                        "volunteer.specialties",
                        c -> VolunteersViewModel.specialties(c.volunteer().specialties()),
                        150));
        // namesakes told apart by phone and organisation, as in the register
        candidates
                .getColumns()
                .add(Columns.text("volunteer.phone", c -> c.volunteer().phone(), 110));
        candidates
                .getColumns()
                .add(Columns.text(
                        "volunteer.organisation",
                        c -> InlineForms.nz(c.volunteer().organisation()),
                        150));
        candidates.getColumns().add(Columns.text("activity.matches", model::match, 110));
        // the reason why not is a sentence: wrapped within the view, never widened past it (read by scrolling sideways)
        candidates
                .getColumns()
                .add(Columns.wrapped(
                        "activity.readiness", c -> c.ready() ? Messages.t("activity.ready") : c.problem(), 420));
        Button plan = new Button(Messages.t("shiftPlan.print"));
        plan.setId("printShiftPlan");
        plan.setOnAction(e -> model.printShiftPlan());
        VBox content = InlineForms.scrolled(
                heading("activity.listTitle"),
                row(true, month, plan),
                activities,
                heading("activity.planTitle"),
                planForm(edit),
                heading("activity.rosterTitle"),
                roster,
                attendanceForm(edit),
                heading("activity.candidatesTitle"),
                candidateSearch,
                candidates,
                signUpButton(edit));
        growWithTheWindow(candidates, content);
        root = content;
    }

    /**
     * Planning a shift means reading down the candidates: scrolled to, the list fills the visible height (a fixed
     * height showed four rows on a 1366x768 screen), never less than it had.
     */
    private static void growWithTheWindow(TableView<?> table, VBox root) {
        ScrollPane scroll = (ScrollPane) root.getChildren().get(0);
        double least = table.getPrefHeight();
        table.prefHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.max(least, scroll.getViewportBounds().getHeight() - CANDIDATE_HEADER_ROOM),
                        scroll.viewportBoundsProperty()));
    }

    private Node planForm(boolean visible) {
        TextField title = text("activityTitle", "activity.title");
        title.textProperty().bindBidirectional(model.title);
        ComboBox<Activity.Type> type = choice("activityType", null, Activity.Type.values());
        type.valueProperty().bindBidirectional(model.type);
        DateField day = date("activityDate", "activity.date", null);
        day.valueProperty().bindBidirectional(model.date);
        TextField start = text("activityStart", "activity.startHint");
        start.setPrefColumnCount(7);
        start.textProperty().bindBidirectional(model.start);
        TextField end = text("activityEnd", "activity.endHint");
        end.setPrefColumnCount(7);
        end.textProperty().bindBidirectional(model.end);
        TextField place = text("activityPlace", "activity.place");
        place.textProperty().bindBidirectional(model.place);
        ComboBox<Volunteer.Specialty> specialty = new ComboBox<>();
        specialty.setId("activitySpecialty");
        specialty.getItems().add(null);
        specialty.getItems().addAll(Volunteer.Specialty.values());
        specialty.setConverter(Converters.of(Volunteer.Specialty::label, Messages.t("activity.anySpecialty")));
        specialty.valueProperty().bindBidirectional(model.specialty);
        TextField capacity = text(ShiftsViewModel.CAPACITY, "activity.capacity");
        capacity.setPrefColumnCount(6);
        capacity.textProperty().bindBidirectional(model.capacity);
        CheckBox children = new CheckBox(Messages.t("activity.withChildren"));
        children.setId("activityWithChildren");
        children.selectedProperty().bindBidirectional(model.withChildren);
        Button save = new Button(Messages.t("activity.plan"));
        save.setId("planActivity");
        save.setOnAction(e -> {
            day.commitText();
            model.plan();
        });
        return new VBox(
                6,
                row(visible, title, type, labelled("activity.date", day), start, end),
                row(visible, place, specialty, capacity, children, save));
    }

    private Node attendanceForm(boolean visible) {
        TextField hours = text(ShiftsViewModel.HOURS, "activity.hoursHint");
        hours.setPrefColumnCount(8);
        hours.textProperty().bindBidirectional(model.hours);
        Button came = new Button(Messages.t("activity.markAttended"));
        came.setId("markAttended");
        Button absent = new Button(Messages.t("activity.markAbsent"));
        absent.setId("markAbsent");
        Button withdraw = new Button(Messages.t("activity.withdraw"));
        withdraw.setId("withdraw");
        came.setOnAction(e -> model.markAttended());
        absent.setOnAction(e -> model.markAbsent());
        // the sign-up is voided, not deleted: why goes with who and when
        withdraw.setOnAction(e -> dialogs.askReason(
                        Messages.t(
                                "activity.withdrawTitle",
                                model.rosterLineProperty().get().name()),
                        Messages.t("activity.withdrawText"),
                        Messages.t("activity.withdrawReason"),
                        Messages.t("activity.withdraw"))
                .ifPresent(model::withdraw));
        // offered only where the line allows it: attendance from the activity's day, a withdrawal before attendance
        return row(
                visible,
                hours,
                RowAction.guard(came, model.rosterLineProperty(), model::whyNoAttendance),
                RowAction.guard(absent, model.rosterLineProperty(), model::whyNoAttendance),
                RowAction.guard(withdraw, model.rosterLineProperty(), model::whyNoWithdraw));
    }

    private Node signUpButton(boolean visible) {
        Button signUp = new Button(Messages.t("activity.signUp"));
        signUp.setId("signUp");
        signUp.setOnAction(e -> {
            ShiftService.Candidate c = model.candidateProperty().get();
            if (c.ready()) {
                model.signUp();
                return;
            }
            // only a check the user may set aside gets here (the button is off otherwise): the reason, or nothing
            dialogs.askReason(
                            Messages.t("activity.overrideTitle", c.volunteer().name()),
                            Messages.t("activity.overrideText", c.problem()),
                            Messages.t("activity.overrideReason"),
                            Messages.t("activity.overrideButton"),
                            ShiftService.MIN_OVERRIDE_REASON)
                    .ifPresent(model::signUp);
        });
        Label hint = new Label(Messages.t("activity.signUpHint"));
        hint.setWrapText(true);
        return row(visible, RowAction.guard(signUp, model.candidateProperty(), model::whyNoSignUp), hint);
    }

    void refresh() {
        model.refresh();
    }

    Node node() {
        return root;
    }
}
