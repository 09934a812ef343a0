package org.huyou.statistics.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TabbedModule;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.statistics.StatisticsService;

/**
 * The director's view: the statistics dashboard with the annual report, the month's allowance roll and the
 * standards. Each tab only for those who may see it (the finance officer gets the roll and the standards). The
 * allowance's tabs are made by the shell and lent here, so that no feature's screens use another feature's.
 */
public final class DirectorModule extends TabbedModule {

    /** A tab another feature lends the view: its title, its content and what refreshes it when it is chosen. */
    public record Lent(String title, Node content, Runnable refresh) {}

    public DirectorModule(
            StatisticsService statistics,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            Path dataDir,
            List<Lent> lent) {
        // only the tab in view loads: the statistics are not read for one who opens the roll, nor the roll for them
        super("directorTabs");
        Path reports = dataDir.resolve("reports");
        if (user.can(AppModule.STATISTICS, Action.VIEW)) {
            DashboardTab dashboard = new DashboardTab(
                    statistics, tasks, dialogs, user.can(AppModule.STATISTICS, Action.EXPORT), clock, reports);
            add(Messages.t("director.tab.statistics"), dashboard.node(), dashboard::refresh);
        }
        for (Lent l : lent) {
            add(l.title(), l.content(), l.refresh());
        }
        loads.start();
    }

    private void add(String title, Node content, Runnable refresh) {
        loads.add(new Tab(title, content), refresh);
    }
}
