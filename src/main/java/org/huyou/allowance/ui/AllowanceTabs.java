package org.huyou.allowance.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.huyou.allowance.AllowanceService;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** The allowance's two tabs (the month's roll, the standards) for the director's view to place. */
public final class AllowanceTabs {

    private final RollTab roll;
    private final StandardsTab standards;

    public AllowanceTabs(
            AllowanceService allowance,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            Path folder,
            Supplier<String> homeName) {
        boolean edit = user.can(AppModule.ALLOWANCE, Action.EDIT);
        roll = new RollTab(
                new RollViewModel(allowance, tasks, dialogs, YearMonth.now(clock), folder, homeName),
                tasks,
                dialogs,
                edit,
                user.can(AppModule.ALLOWANCE, Action.EXPORT));
        standards = new StandardsTab(new StandardsViewModel(allowance, tasks, dialogs), tasks, dialogs, edit);
    }

    public Node roll() {
        return roll.node();
    }

    public Node standards() {
        return standards.node();
    }

    public void refreshRoll() {
        roll.refresh();
    }

    public void refreshStandards() {
        standards.refresh();
    }
}
