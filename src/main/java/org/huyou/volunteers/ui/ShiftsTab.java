package org.huyou.volunteers.ui;

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
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.ShiftRepository;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.Volunteer;

/**
 * A month of shifts: plan activities, see who is on the selected one and record their attendance, and sign volunteers
 * up from the candidates, matched by the specialty wanted (those who may not take it say why).
 */
final class ShiftsTab {

    private static final int CANDIDATES = 200;

    private final ShiftService shifts;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final TableView<ShiftRepository.Planned> activities = table("activityTable", 220, "activity.none");
    private final TableView<ShiftRepository.RosterLine> roster = table("rosterTable", 150, "activity.noneSignedUp");
    private final TableView<ShiftService.Candidate> candidates = table("candidateTable", 200, "volunteer.none");
    private final TextField candidateSearch = InlineForms.searchBox(text("candidateSearch",
            "volunteer.search"));
    private final Node root;

    ShiftsTab(ShiftService shifts, TaskRunner tasks, DialogService dialogs, boolean edit, Clock clock, Path printed,
              Supplier<String> homeName) {
        this.shifts = shifts;
        this.tasks = tasks;
        this.dialogs = dialogs;
        YearMonth now = YearMonth.now(clock);
        month.setId("shiftMonth");
        month.getItems().setAll(IntStream.rangeClosed(-3, 3).mapToObj(now::plusMonths).toList());
        month.setValue(now);
        month.setConverter(Converters.of(m -> Messages.t("common.yearMonth", m.getYear(), m.getMonthValue())));
        month.valueProperty().addListener((o, a, b) -> refresh());
        activities.getColumns().add(Columns.text("activity.date", p -> p.activity().date().toString(), 95));
        activities.getColumns().add(Columns.text("activity.time", p -> p.activity().start() + "-" + p.activity().end(),
                95));
        activities.getColumns().add(Columns.text("activity.title", p -> p.activity().title(), 160));
        activities.getColumns().add(Columns.text("activity.type", p -> p.activity().type().label(), 80));
        activities.getColumns().add(Columns.text("activity.place", p -> InlineForms.nz(p.activity().place()), 90));
        activities.getColumns().add(Columns.text("activity.specialty", p -> p.activity().specialty() == null
                ? Messages.t("activity.anySpecialty") : p.activity().specialty().label(), 80));
        activities.getColumns().add(Columns.text("activity.places", p -> p.signedUp() + " / "
                + p.activity().capacity(), 90));
        activities.getColumns().add(Columns.text("activity.withChildren", p -> p.activity().withChildren()
                ? Messages.t("common.yes") : Messages.t("common.no"), 80));
        roster.getColumns().add(Columns.text("volunteer.name", ShiftRepository.RosterLine::name, 100));
        roster.getColumns().add(Columns.text("volunteer.phone", ShiftRepository.RosterLine::phone, 110));
        roster.getColumns().add(Columns.text("volunteer.organisation", r -> InlineForms.nz(r.organisation()), 150));
        roster.getColumns().add(Columns.text("activity.attendance", r -> r.attended() == null ? ""
                : r.attended() ? Messages.t("activity.attended", r.hours().toPlainString())
                : Messages.t("activity.absent"), 120));
        candidates.getColumns().add(Columns.text("volunteer.name", c -> c.volunteer().name(), 100));
        candidates.getColumns().add(Columns.text("volunteer.specialties", c -> VolunteerTab.specialties(
                c.volunteer().specialties()), 150));
        candidates.getColumns().add(Columns.text("activity.matches", c -> c.specialtyMatches() ? "✓" : "", 80));
        candidates.getColumns().add(Columns.text("activity.readiness", c -> c.ready() ? Messages.t("activity.ready")
                : c.problem(), 420));
        activities.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> loadSelected());
        candidateSearch.textProperty().addListener((o, a, b) -> loadSelected());
        Button plan = new Button(Messages.t("shiftPlan.print"));
        plan.setId("printShiftPlan");
        plan.setOnAction(e -> {
            YearMonth m = month.getValue();
            tasks.run(() -> shifts.printShiftPlan(m.atDay(1), m.atEndOfMonth(), printed, homeName.get()),
                    f -> dialogs.notifySuccess(Messages.t("shiftPlan.written", f)), dialogs::showError);
        });
        root = InlineForms.scrolled(heading("activity.listTitle"), row(true, month, plan), activities,
                heading("activity.planTitle"), planForm(edit, clock),
                heading("activity.rosterTitle"), roster, attendanceForm(edit),
                heading("activity.candidatesTitle"), candidateSearch, candidates, signUpButton(edit));
    }

    private Node planForm(boolean visible, Clock clock) {
        TextField title = text("activityTitle", "activity.title");
        ComboBox<Activity.Type> type = choice("activityType", null, Activity.Type.values());
        DateField day = date("activityDate", "activity.date", LocalDate.now(clock).plusDays(7));
        TextField start = text("activityStart", "activity.startHint");
        start.setPrefColumnCount(7);
        TextField end = text("activityEnd", "activity.endHint");
        end.setPrefColumnCount(7);
        TextField place = text("activityPlace", "activity.place");
        ComboBox<Volunteer.Specialty> specialty = new ComboBox<>();
        specialty.setId("activitySpecialty");
        specialty.getItems().add(null);
        specialty.getItems().addAll(Volunteer.Specialty.values());
        specialty.setConverter(Converters.of(Volunteer.Specialty::label, Messages.t("activity.anySpecialty")));
        TextField capacity = text("activityCapacity", "activity.capacity");
        capacity.setPrefColumnCount(6);
        CheckBox children = new CheckBox(Messages.t("activity.withChildren"));
        children.setId("activityWithChildren");
        children.setSelected(true);
        Button save = new Button(Messages.t("activity.plan"));
        save.setId("planActivity");
        save.setOnAction(e -> {
            day.commitText();
            Activity draft;
            try {
                draft = new Activity(0, title.getText(), type.getValue(), day.getValue(),
                        InlineForms.time(start.getText()), InlineForms.time(end.getText()), place.getText(),
                        specialty.getValue(), InlineForms.whole(capacity), children.isSelected());
            } catch (ValidationException bad) {
                dialogs.showError(bad); // letters in a number: said by name, the text kept
                return;
            }
            tasks.run(() -> shifts.plan(draft), a -> {
                dialogs.notifySuccess(Messages.t("activity.planned", a.title()));
                List.of(title, start, end, place, capacity).forEach(TextField::clear);
                YearMonth m = YearMonth.from(a.date());
                if (!month.getItems().contains(m)) {
                    month.getItems().add(m);
                }
                month.setValue(m);
                refresh();
            }, dialogs::showError);
        });
        return new VBox(6, row(visible, title, type, labelled("activity.date", day), start, end),
                row(visible, place, specialty, capacity, children, save));
    }

    private Node attendanceForm(boolean visible) {
        TextField hours = text("attendanceHours", "activity.hoursHint");
        hours.setPrefColumnCount(8);
        Button came = new Button(Messages.t("activity.markAttended"));
        came.setId("markAttended");
        Button absent = new Button(Messages.t("activity.markAbsent"));
        absent.setId("markAbsent");
        Button withdraw = new Button(Messages.t("activity.withdraw"));
        withdraw.setId("withdraw");
        for (Button b : List.of(came, absent, withdraw)) {
            b.disableProperty().bind(roster.getSelectionModel().selectedItemProperty().isNull());
        }
        came.setOnAction(e -> {
            try {
                attendance(true, InlineForms.decimal(hours));
            } catch (ValidationException bad) {
                dialogs.showError(bad); // letters in a number: said by name, the text kept
            }
        });
        absent.setOnAction(e -> attendance(false, null));
        withdraw.setOnAction(e -> {
            long aid = activities.getSelectionModel().getSelectedItem().activity().id();
            long vid = roster.getSelectionModel().getSelectedItem().volunteerId();
            tasks.run(() -> {
                shifts.withdraw(aid, vid);
                return true;
            }, ok -> refresh(), dialogs::showError);
        });
        return row(visible, hours, came, absent, withdraw);
    }

    private void attendance(boolean attended, BigDecimal hours) {
        long aid = activities.getSelectionModel().getSelectedItem().activity().id();
        long vid = roster.getSelectionModel().getSelectedItem().volunteerId();
        tasks.run(() -> {
            shifts.recordAttendance(aid, vid, attended, hours);
            return true;
        }, ok -> loadSelected(), dialogs::showError);
    }

    private Node signUpButton(boolean visible) {
        Button signUp = new Button(Messages.t("activity.signUp"));
        signUp.setId("signUp");
        signUp.disableProperty().bind(candidates.getSelectionModel().selectedItemProperty().isNull());
        signUp.setOnAction(e -> {
            long aid = activities.getSelectionModel().getSelectedItem().activity().id();
            Volunteer v = candidates.getSelectionModel().getSelectedItem().volunteer();
            tasks.run(() -> {
                shifts.signUp(aid, v.id());
                return v;
            }, ok -> {
                dialogs.notifySuccess(Messages.t("activity.signedUp", v.name()));
                refresh();
            }, dialogs::showError);
        });
        Label hint = new Label(Messages.t("activity.signUpHint"));
        hint.setWrapText(true);
        return row(visible, signUp, hint);
    }

    /** The selected activity's roster and its candidates. */
    private record Selected(List<ShiftRepository.RosterLine> roster, List<ShiftService.Candidate> candidates) {
    }

    private void loadSelected() {
        ShiftRepository.Planned p = activities.getSelectionModel().getSelectedItem();
        if (p == null) {
            roster.getItems().clear();
            candidates.getItems().clear();
            return;
        }
        String text = candidateSearch.getText();
        long aid = p.activity().id();
        tasks.run(() -> new Selected(shifts.roster(aid), shifts.candidates(aid, text, CANDIDATES)), s -> {
            roster.getItems().setAll(s.roster());
            candidates.getItems().setAll(s.candidates());
        }, dialogs::showError);
    }

    void refresh() {
        YearMonth m = month.getValue();
        tasks.run(() -> shifts.activities(m.atDay(1), m.atEndOfMonth()), list -> TableRows.replaceKeepingSelection(
                activities, list, p -> p.activity().id()), dialogs::showError);
    }

    Node node() {
        return root;
    }
}
