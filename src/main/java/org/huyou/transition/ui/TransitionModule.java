package org.huyou.transition.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.table;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.PageModule;
import org.huyou.common.ui.PageTables;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.transition.TransitionService;
import org.huyou.transition.TransitionSettings;
import org.huyou.transition.io.TransitionDocuments;

/**
 * The transition dashboard: residents aged 16 and over with their 18th birthday, months left, pathway and plan
 * status (overdue tasks first), the adults still in the home apart, and the selected resident's plan below.
 */
public final class TransitionModule extends PageModule {

    private final TransitionViewModel vm;
    /** The three lists' headings and the gaps around them: the page's height less this is the lists' to share. */
    private static final double HEADINGS = 140;

    private final TableView<TransitionService.Row> turning = table("transitionTable", 260, "transition.none");
    private final TableView<TransitionService.Row> adults = table("adultTable", 120, "transition.noAdults");
    private final TableView<TransitionService.Row> left = table("leftTable", 120, "transition.noneLeft");
    private final PlanPane plan;

    public TransitionModule(
            TransitionService transition,
            TransitionSettings settings,
            TransitionDocuments papers,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            Path dataDir) {
        this.vm = new TransitionViewModel(transition, tasks, dialogs);
        this.plan = new PlanPane(
                transition,
                papers,
                tasks,
                dialogs,
                clock,
                user.can(AppModule.TRANSITION, Action.EDIT),
                user.can(AppModule.TRANSITION, Action.APPROVE),
                dataDir.resolve("placement"),
                this::refresh);
        for (TableView<TransitionService.Row> t : List.of(turning, adults, left)) {
            t.getColumns().add(Columns.text("residents.col.recordNo", TransitionService.Row::recordNo, 90));
            t.getColumns().add(Columns.text("residents.col.name", TransitionService.Row::name, 90));
            t.getColumns()
                    .add(Columns.text(
                            "transition.eighteenth",
                            r -> r.eighteenth() + (r.estimated() ? Messages.t("transition.estimated") : ""),
                            130));
            t.getColumns().add(Columns.text("transition.monthsLeft", r -> String.valueOf(r.monthsLeft()), 80));
            t.getColumns()
                    .add(Columns.text(
                            "transition.pathway",
                            r -> r.pathway() == null
                                    ? Messages.t("transition.undecided")
                                    : r.pathway().label(),
                            200));
            t.getColumns()
                    .add(Columns.text(
                            "transition.status",
                            r -> r.planStatus() == null ? "" : r.planStatus().label(),
                            110));
            t.getColumns()
                    .add(
                            t == left
                                    ? Columns.text(
                                            "transition.nextVisit",
                                            r -> r.nextVisit() == null
                                                    ? Messages.t("transition.visitsDone")
                                                    : r.nextVisit().toString(),
                                            110)
                                    : Columns.text(
                                            "transition.overdue",
                                            r -> r.overdueTasks() == 0 ? "" : String.valueOf(r.overdueTasks()),
                                            90));
        }
        turning.setItems(vm.turning());
        TableRows.follow(turning, vm.selectedTurning);
        adults.setItems(vm.adults());
        TableRows.follow(adults, vm.selectedAdult);
        left.setItems(vm.left());
        TableRows.follow(left, vm.selectedLeft);
        vm.chosen().addListener((o, was, row) -> plan.show(row));
        VBox page = InlineForms.scrolled(
                heading("transition.title"),
                turning,
                heading("transition.adultsTitle"),
                adults,
                heading("transition.leftTitle"),
                left,
                plan.node(),
                new TransitionSettingsPane(
                                new TransitionSettingsViewModel(settings, tasks, dialogs),
                                user.can(AppModule.TRANSITION, Action.EDIT),
                                user.can(AppModule.TRANSITION, Action.APPROVE))
                        .node());
        // the lists fill the first screen between them, whatever the window's size (fixed heights showed two rows)
        PageTables.share((ScrollPane) page.getChildren().get(0), HEADINGS, List.of(turning, adults, left));
        showPage(page, vm::refresh);
    }
}
