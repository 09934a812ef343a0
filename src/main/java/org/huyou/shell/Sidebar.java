package org.huyou.shell;

import java.util.List;
import java.util.function.BiPredicate;
import org.huyou.security.Action;
import org.huyou.security.AppModule;

/**
 * The sidebar's entries and the modules each one opens. An entry is shown to whoever the role matrix lets view one of
 * its modules, and nothing else decides: the director, who may view the shift log, lacked its entry because the
 * window asked for "may record" instead. What a user may do inside a module is the module's own business.
 */
public enum Sidebar {
    RESIDENTS("navResidents", AppModule.RESIDENTS),
    SHIFT("navShift", AppModule.CARE_DAILY),
    CASELOAD("navCaseload", AppModule.REHABILITATION, AppModule.EDUCATION, AppModule.PSYCHOLOGY),
    DONATIONS("navDonations", AppModule.DONATIONS),
    VOLUNTEERS("navVolunteers", AppModule.VOLUNTEERS),
    TRANSITION("navTransition", AppModule.TRANSITION),
    OPEN_DAY("navOpenDay", AppModule.OPEN_DAY),
    DIRECTOR("navDirector", AppModule.STATISTICS, AppModule.ALLOWANCE),
    REMINDERS("navReminders", AppModule.RESIDENTS),
    ACCOUNTS("navAccounts", AppModule.ACCOUNTS),
    AUDIT("navAudit", AppModule.AUDIT),
    BACKUP("navBackup", AppModule.BACKUP);

    private final String id;
    private final List<AppModule> modules;

    Sidebar(String id, AppModule... modules) {
        this.id = id;
        this.modules = List.of(modules);
    }

    /** The entry's node id ("navShift"). */
    public String id() {
        return id;
    }

    public List<AppModule> modules() {
        return modules;
    }

    /** Whether a user who {@code can} do what the matrix grants sees this entry. */
    public boolean shownTo(BiPredicate<AppModule, Action> can) {
        return modules.stream().anyMatch(m -> can.test(m, Action.VIEW));
    }
}
