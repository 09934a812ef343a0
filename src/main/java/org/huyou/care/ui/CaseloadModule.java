package org.huyou.care.ui;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.care.CareDomain;
import org.huyou.care.education.Education;
import org.huyou.care.education.EducationService;
import org.huyou.care.psych.PsychCase;
import org.huyou.care.psych.PsychologyService;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.rehab.Rehab;
import org.huyou.care.rehab.RehabService;
import org.huyou.care.ui.CaseloadViewModel.Caseload;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TabbedModule;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Each discipline's caseload (the View of {@link CaseloadViewModel}): the therapist's residents with goals and next
 * sessions, the teacher's class with plan reviews, the psychologist's residents by risk grade with overdue follow-ups
 * first. "Mine only" starts on for those who record in the discipline. Overdue rows come first, marked in words and
 * with an icon; a double-click or Enter on a row opens the resident's file at the discipline's tab.
 */
public final class CaseloadModule extends TabbedModule {

    private final CaseloadViewModel model;
    /** Opens a resident's file at a domain's tab; null when this user may not open the register. */
    private final BiConsumer<Long, CareDomain> openFile;

    public CaseloadModule(
            RehabService rehab,
            EducationService education,
            PsychologyService psychology,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            BiConsumer<Long, CareDomain> openFile) {
        super("caseloadTabs");
        this.model = new CaseloadViewModel(rehab, education, psychology, tasks, dialogs, clock);
        this.openFile = openFile;
        if (user.can(AppModule.REHABILITATION, Action.VIEW)) {
            add(
                    "caseload.rehab",
                    "rehabCaseload",
                    model.rehab(user.can(AppModule.REHABILITATION, Action.CREATE)),
                    null,
                    CareDomain.REHABILITATION,
                    Rehab.Case::residentId,
                    List.of(
                            Columns.<Rehab.Case>text("residents.col.name", Rehab.Case::residentName, 90),
                            Columns.text("rehab.planTitle", Rehab.Case::planTitle, 200),
                            Columns.text("rehab.goalCount", c -> String.valueOf(c.goals()), 60),
                            Columns.text("rehab.lastSession", c -> Dates.format(c.lastSession()), 95),
                            Columns.text("rehab.nextSession", c -> Dates.format(c.nextSession()), 95),
                            Columns.text("rehab.reviewDue", c -> Dates.format(c.reviewDue()), 95),
                            Columns.text("rehab.therapist", c -> Accounts.displayName(c.therapist()), 90)));
        }
        if (user.can(AppModule.EDUCATION, Action.VIEW)) {
            add(
                    "caseload.education",
                    "educationCaseload",
                    model.education(user.can(AppModule.EDUCATION, Action.CREATE)),
                    null,
                    CareDomain.EDUCATION,
                    Education.Case::residentId,
                    List.of(
                            Columns.<Education.Case>text(
                                    "education.className", c -> InlineForms.nz(c.className()), 100),
                            Columns.text("residents.col.name", Education.Case::residentName, 90),
                            Columns.text("education.kind", c -> c.kind().label(), 150),
                            Columns.text("education.planTitle", c -> InlineForms.nz(c.planTitle()), 200),
                            Columns.text("education.reviewDue", c -> Dates.format(c.reviewDue()), 95),
                            Columns.text(
                                    "education.teacher", c -> InlineForms.nz(Accounts.displayName(c.teacher())), 90)));
        }
        if (user.can(AppModule.PSYCHOLOGY, Action.VIEW)) {
            add(
                    "caseload.psychology",
                    "psychCaseload",
                    model.psychology(user.can(AppModule.PSYCHOLOGY, Action.CREATE)),
                    user.can(AppModule.PSYCHOLOGY, Action.EDIT) ? scheduleEditor() : null,
                    CareDomain.PSYCHOLOGY,
                    PsychCase::residentId,
                    List.of(
                            Columns.<PsychCase>text("residents.col.name", PsychCase::residentName, 90),
                            Columns.text("psych.grade", c -> c.grade().label(), 80),
                            Columns.text("psych.date", c -> Dates.format(c.assessedOn()), 95),
                            Columns.text("psych.lastContact", c -> Dates.format(c.lastContact()), 95),
                            Columns.text("psych.nextDue", c -> Dates.format(c.nextDue()), 95),
                            Columns.text("psych.psychologist", c -> Accounts.displayName(c.psychologist()), 90)));
        }
        // Only the tab in view loads (issue 31: the three caseloads together took seconds on 20 years of records);
        // another loads when it is chosen, so what it shows is never older than the moment it is looked at.
        loads.start();
    }

    /** The follow-up interval per grade, for those who set it; saving refreshes the due dates below. */
    private Node scheduleEditor() {
        FlowPane row = new FlowPane(8, 6);
        row.getChildren().add(new Label(Messages.t("psych.scheduleDays")));
        for (RiskGrade g : CaseloadViewModel.GRADES) {
            TextField f = InlineForms.bound(new TextField(), model.followUpDays.get(g));
            f.setId(CaseloadViewModel.fieldId(g));
            f.setPrefColumnCount(3);
            row.getChildren().addAll(new Label(g.label()), f);
        }
        Button save = new Button(Messages.t("common.save"));
        save.setId("saveSchedule");
        save.setOnAction(e -> model.saveSchedule(this::refresh));
        row.getChildren().add(save);
        model.loadSchedule();
        return row;
    }

    private <T> void add(
            String titleKey,
            String id,
            Caseload<T> caseload,
            Node extra,
            CareDomain domain,
            ToLongFunction<T> residentId,
            List<TableColumn<T, String>> columns) {
        TableView<T> table = new TableView<>(caseload.rows());
        table.setId(id);
        // not "no cases" before they are read
        table.placeholderProperty()
                .bind(Bindings.when(caseload.loadingProperty())
                        .<Node>then(new Label(Messages.t("common.loading")))
                        .otherwise(new Label(Messages.t("caseload.empty"))));
        table.getColumns()
                .add(Columns.flag("reminders.col.state", caseload::overdue, Icons.WARNING, "caseload.overdue", 80));
        table.getColumns().addAll(columns);
        TableRows.openAndMark(
                table,
                openFile == null ? null : row -> openFile.accept(residentId.applyAsLong(row), domain),
                caseload::overdue,
                TableRows.OVERDUE);
        CheckBox mine = new CheckBox(Messages.t("caseload.mine"));
        mine.setId(id + "Mine");
        mine.selectedProperty().bindBidirectional(caseload.onlyMine);
        VBox box = new VBox(8, mine, table);
        if (extra != null) {
            box.getChildren().add(0, extra);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        loads.add(new Tab(Messages.t(titleKey), box), caseload::load);
    }
}
