package org.huyou.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.allowance.ui.AllowanceTabs;
import org.huyou.app.AppContext;
import org.huyou.app.Preferences;
import org.huyou.backup.ui.BackupView;
import org.huyou.care.CareDomain;
import org.huyou.care.ui.CarePlanPart;
import org.huyou.care.ui.CaseloadModule;
import org.huyou.care.ui.DailyShiftModule;
import org.huyou.care.ui.EducationPart;
import org.huyou.care.ui.GrowthPart;
import org.huyou.care.ui.IncidentPart;
import org.huyou.care.ui.MedicalPart;
import org.huyou.care.ui.PsychologyPart;
import org.huyou.care.ui.RehabPart;
import org.huyou.care.ui.RemindersModule;
import org.huyou.care.ui.TimelinePart;
import org.huyou.care.ui.UpbringingPart;
import org.huyou.common.Messages;
import org.huyou.common.ui.CoalescedTask;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.Mnemonics;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.ShellActions;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.common.ui.UnsavedChanges;
import org.huyou.common.ui.UnsavedChangesGuard;
import org.huyou.documents.ui.DocumentsPart;
import org.huyou.documents.ui.LinkedDocuments;
import org.huyou.donations.ui.DonationsModule;
import org.huyou.openday.ui.OpenDayModule;
import org.huyou.residents.demo.DemoHome;
import org.huyou.residents.ui.RegisterHeadStart;
import org.huyou.residents.ui.ResidentFilePart;
import org.huyou.residents.ui.ResidentsModule;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.Session;
import org.huyou.security.ui.AccountsView;
import org.huyou.security.ui.AuditView;
import org.huyou.statistics.ui.DirectorModule;
import org.huyou.transition.ui.TransitionModule;
import org.huyou.volunteers.ui.ScreenParts;
import org.huyou.volunteers.ui.VolunteersModule;

/** The frame: navigation sidebar, work area and status bar. Shortcuts go to the module on show. */
public final class MainWindow extends BorderPane {

    private final AppContext ctx;
    private final Preferences prefs;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ShellActions shell;
    private final ToggleGroup nav = new ToggleGroup();
    private ModuleView current;
    /** The work area: the current module's page, and under it the strip the notices stand in. */
    private final BorderPane work = new BorderPane();

    private ToggleButton currentButton;
    /** The text typed into the current module's forms. */
    private TypedInput currentInput;

    private final UnsavedChangesGuard guard;
    private ResidentsModule residents;
    /** The sidebar's 提醒 entry (null: this user has none); it shows how many are due now. */
    private ToggleButton remindersButton;
    /** The count beside 提醒: aside from the modules' loads, one at a time (it takes long on a large home). */
    private final CoalescedTask<Integer> reminderCount;
    /** Whether the count beside 提醒 was asked for since this window was made (at the login). */
    private boolean countedSinceLogin;

    private final String homeName;
    /** The register's first page, asked for at the login (null: none); the register takes it once. */
    private RegisterHeadStart registerHeadStart;

    /**
     * {@code registerHeadStart} (may be null): the register's first page, already asked for by the login's background
     * task.
     */
    public MainWindow(
            AppContext ctx,
            String homeName,
            Preferences prefs,
            TaskRunner tasks,
            DialogService dialogs,
            ShellActions shell,
            RegisterHeadStart registerHeadStart) {
        this.homeName = homeName == null ? "" : homeName;
        this.registerHeadStart = registerHeadStart;
        this.ctx = ctx;
        this.prefs = prefs;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.shell = shell;
        this.guard = new UnsavedChangesGuard(dialogs);
        CurrentUser user = ctx.currentUser();
        this.reminderCount =
                new CoalescedTask<>(tasks, () -> ctx.reminders().dueNow(), this::showReminderCount, dialogs::showError);
        getStyleClass().add("main-window");
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPadding(new Insets(12, 8, 12, 8));
        Label title = new Label(Messages.t("app.title"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label(Messages.t("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        subtitle.setWrapText(true);
        subtitle.setPrefWidth(0); // wraps to the sidebar's width; the entries' labels set that width
        subtitle.setMaxWidth(Double.MAX_VALUE);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        sidebar.getChildren().addAll(title, subtitle, spacer(12));
        // Only the modules the user's roles may open: Sidebar says which, from the role matrix.
        addModule(sidebar, Sidebar.RESIDENTS, Messages.t("nav.residents"), Icons.RESIDENTS, this::residentsModule);
        // those who may only view it (the director, the nurses) read the shifts; those who may record, record
        addModule(
                sidebar,
                Sidebar.SHIFT,
                Messages.t("nav.shift"),
                Icons.SHIFT,
                () -> new DailyShiftModule(
                        ctx.residents(),
                        ctx.dailyCare(),
                        tasks,
                        dialogs,
                        prefs.lastGroup(user.username()),
                        this::rememberGroup,
                        ctx.clock(),
                        user.can(AppModule.CARE_DAILY, Action.CREATE)));
        addModule(
                sidebar,
                Sidebar.CASELOAD,
                Messages.t("nav.caseload"),
                Icons.CASELOAD,
                () -> new CaseloadModule(
                        ctx.rehab(),
                        ctx.education(),
                        ctx.psychology(),
                        tasks,
                        dialogs,
                        user,
                        ctx.clock(),
                        user.can(AppModule.RESIDENTS, Action.VIEW) ? this::openFile : null));
        addModule(
                sidebar,
                Sidebar.DONATIONS,
                Messages.t("nav.donations"),
                Icons.DONATIONS,
                () -> new DonationsModule(
                        ctx.ledger(),
                        ctx.disclosures(),
                        ctx.ledgerUses(),
                        tasks,
                        dialogs,
                        user,
                        ctx.clock(),
                        ctx.dataDir(),
                        () -> homeName,
                        ctx.donorImporter(),
                        ctx.historyImporter(),
                        ctx.openingImporter()));
        addModule(
                sidebar,
                Sidebar.VOLUNTEERS,
                Messages.t("nav.volunteers"),
                Icons.VOLUNTEERS,
                () -> new VolunteersModule(
                        ctx.volunteers(),
                        ctx.volunteerImporter(),
                        ctx.shifts(),
                        new ScreenParts(
                                tasks, dialogs, ctx.clock(), ctx.dataDir().resolve("volunteers"), () -> homeName),
                        dialogs,
                        user));
        addModule(
                sidebar,
                Sidebar.TRANSITION,
                Messages.t("nav.transition"),
                Icons.TRANSITION,
                () -> new TransitionModule(
                        ctx.transition(),
                        ctx.transitionSettings(),
                        ctx.transitionDocuments(),
                        tasks,
                        dialogs,
                        user,
                        ctx.clock(),
                        ctx.dataDir()));
        addModule(
                sidebar,
                Sidebar.OPEN_DAY,
                Messages.t("nav.openDay"),
                Icons.OPEN_DAY,
                () -> new OpenDayModule(
                        ctx.openDay(),
                        ctx.bookings(),
                        ctx.visits(),
                        tasks,
                        dialogs,
                        user,
                        ctx.clock(),
                        ctx.dataDir(),
                        () -> homeName));
        addModule(
                sidebar,
                Sidebar.DIRECTOR,
                Messages.t("nav.director"),
                Icons.DIRECTOR,
                () -> new DirectorModule(
                        ctx.statistics(), tasks, dialogs, user, ctx.clock(), ctx.dataDir(), allowanceTabs()));
        if (Sidebar.REMINDERS.shownTo(user::can)) {
            remindersButton = navButton(
                    Sidebar.REMINDERS,
                    Messages.t("nav.reminders"),
                    Icons.REMINDERS,
                    () -> new RemindersModule(ctx.reminders(), tasks, dialogs, this::reminderScreenCounted));
            sidebar.getChildren().add(remindersButton);
        }
        addModule(
                sidebar,
                Sidebar.ACCOUNTS,
                Messages.t("nav.accounts"),
                Icons.ACCOUNTS,
                () -> new AccountsView(
                        ctx.accounts(), ctx.accountImporter(), tasks, dialogs, user, () -> shell.changeFileKey(false)));
        addModule(
                sidebar,
                Sidebar.AUDIT,
                Messages.t("nav.audit"),
                Icons.AUDIT,
                () -> new AuditView(ctx.audit(), tasks, dialogs, user));
        // A server home's backups are the server's (pg_dump); this PC has no copy of its own to make or restore.
        if (Sidebar.BACKUP.shownTo(user::can) && ctx.backups().available()) {
            sidebar.getChildren()
                    .add(navButton(
                            Sidebar.BACKUP,
                            Messages.t("nav.backup"),
                            Icons.BACKUP,
                            () -> new BackupView(ctx.backups(), tasks, dialogs, user, shell::restore)));
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        sidebar.getChildren()
                .addAll(
                        grow,
                        navButton(
                                "navSettings",
                                Messages.t("nav.settings"),
                                Icons.SETTINGS,
                                () -> new SettingsView(
                                        new SettingsViewModel(ctx, prefs, tasks, dialogs, this::applySettings),
                                        tasks,
                                        dialogs,
                                        () -> shell.changeFileKey(true))));
        setLeft(sidebar);
        // the page above, the notices' strip below it (empty until one shows): a notice never lies over the page
        Region notices = new Region();
        notices.getStyleClass().add(DialogService.NOTICE_ROOM);
        notices.setMinHeight(0);
        notices.setPrefHeight(0);
        notices.setMaxHeight(0);
        work.setBottom(notices);
        setCenter(work);
        setBottom(statusBar());
        nav.getToggles().get(0).setSelected(true); // shows the first module, which counts the reminders
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts();
            }
        });
    }

    private ResidentsModule residentsModule() {
        if (residents == null) {
            residents = new ResidentsModule(
                    ctx.residents(),
                    ctx.residentImporter(),
                    tasks,
                    dialogs,
                    ctx.currentUser(),
                    careFileParts(),
                    List.of(ctx.allergies(), ctx.psychology()),
                    registerHeadStart);
            registerHeadStart = null;
        }
        return residents;
    }

    /** Shows a resident's file in the register at the care domain's tab (a caseload row opened). */
    private void openFile(long residentId, CareDomain domain) {
        showModule("navResidents");
        if ("navResidents".equals(currentModule())) { // not when the user chose to stay with unsaved input
            residentsModule().openFile(residentId, domain.label());
        }
    }

    /**
     * The allowance's roll and standards for the director's view, made here rather than there so that no feature's
     * screens use another feature's.
     */
    private List<DirectorModule.Lent> allowanceTabs() {
        CurrentUser user = ctx.currentUser();
        if (!user.can(AppModule.ALLOWANCE, Action.VIEW)) {
            return List.of();
        }
        AllowanceTabs a = new AllowanceTabs(
                ctx.allowance(),
                tasks,
                dialogs,
                user,
                ctx.clock(),
                ctx.dataDir().resolve("reports"),
                () -> homeName);
        return List.of(
                new DirectorModule.Lent(Messages.t("director.tab.roll"), a.roll(), a::refreshRoll),
                new DirectorModule.Lent(Messages.t("director.tab.standards"), a.standards(), a::refreshStandards));
    }

    /** The care file's tabs this user may see, beside the profile in the register; each made when first opened. */
    private List<ResidentFilePart> careFileParts() {
        CurrentUser user = ctx.currentUser();
        List<ResidentFilePart> parts = new ArrayList<>();
        parts.add(ResidentFilePart.lazy(
                Messages.t("timeline.title"),
                () -> new TimelinePart(
                        ctx.timeline(),
                        tasks,
                        dialogs,
                        user.can(AppModule.DOCUMENTS, Action.VIEW)
                                ? new LinkedDocuments(ctx.documents(), tasks, dialogs)
                                : null)));
        addIf(
                parts,
                user.can(AppModule.CARE_DAILY, Action.VIEW),
                Messages.t("careDomain.UPBRINGING"),
                () -> new UpbringingPart(ctx.caregivers(), ctx.residents(), tasks, dialogs, user, ctx.clock()));
        addIf(
                parts,
                user.can(AppModule.GROWTH, Action.VIEW),
                Messages.t("careDomain.GROWTH"),
                () -> new GrowthPart(ctx.growth(), ctx.residents(), tasks, dialogs, user, ctx.clock()));
        addIf(
                parts,
                user.can(AppModule.MEDICAL, Action.VIEW),
                Messages.t("careDomain.MEDICAL"),
                () -> new MedicalPart(
                        ctx.allergies(),
                        ctx.medicalRecords(),
                        ctx.medication(),
                        ctx.formulary(),
                        tasks,
                        dialogs,
                        user,
                        ctx.clock()));
        addIf(
                parts,
                user.can(AppModule.REHABILITATION, Action.VIEW),
                Messages.t("careDomain.REHABILITATION"),
                () -> new RehabPart(ctx.rehab(), tasks, dialogs, user, ctx.clock()));
        addIf(
                parts,
                user.can(AppModule.EDUCATION, Action.VIEW),
                Messages.t("careDomain.EDUCATION"),
                () -> new EducationPart(ctx.education(), ctx.accounts(), tasks, dialogs, user, ctx.clock()));
        addIf(
                parts,
                user.can(AppModule.PSYCHOLOGY, Action.VIEW),
                Messages.t("careDomain.PSYCHOLOGY"),
                () -> new PsychologyPart(ctx.psychology(), ctx.counselling(), tasks, dialogs, user, ctx.clock()));
        // Staff who only report incidents still get the tab to report from.
        addIf(
                parts,
                user.can(AppModule.INCIDENTS, Action.VIEW) || user.can(AppModule.INCIDENTS, Action.CREATE),
                Messages.t("careDomain.INCIDENT"),
                () -> new IncidentPart(ctx.incidents(), tasks, dialogs, user, ctx.clock()));
        addIf(
                parts,
                user.can(AppModule.CARE_PLAN, Action.VIEW),
                Messages.t("careDomain.CARE_PLAN"),
                () -> new CarePlanPart(ctx.carePlans(), ctx.accounts(), tasks, dialogs, user, ctx.clock()));
        addIf(
                parts,
                user.can(AppModule.DOCUMENTS, Action.VIEW),
                Messages.t("careDomain.DOCUMENTS"),
                () -> new DocumentsPart(ctx.documents(), tasks, dialogs, user, ctx.clock()));
        return parts;
    }

    /** Adds a care file tab, made when first opened, where the user may see it. */
    private static void addIf(
            List<ResidentFilePart> parts, boolean allowed, String title, Supplier<? extends ResidentFilePart> make) {
        if (allowed) {
            parts.add(ResidentFilePart.lazy(title, make));
        }
    }

    /** The module's entry in the sidebar, where the user's roles may open it (Sidebar says which). */
    private void addModule(VBox sidebar, Sidebar entry, String text, Icons icon, Supplier<ModuleView> module) {
        if (entry.shownTo(ctx.currentUser()::can)) {
            sidebar.getChildren().add(navButton(entry, text, icon, module));
        }
    }

    private ToggleButton navButton(Sidebar entry, String text, Icons icon, Supplier<ModuleView> module) {
        return navButton(entry.id(), text, icon, module);
    }

    private ToggleButton navButton(String id, String text, Icons icon, Supplier<ModuleView> module) {
        ToggleButton b = new ToggleButton(text, icon.icon());
        b.setId(id);
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinWidth(Region.USE_PREF_SIZE); // the sidebar grows with the language and font, never "Turning eig…"
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("nav-button");
        // Leaving a module with unsaved input asks first; 取消 keeps the module and its sidebar entry.
        b.selectedProperty().addListener((obs, was, is) -> {
            if (is && b != currentButton) {
                ToggleButton back = currentButton;
                guard.leave(
                        changes(),
                        () -> {
                            currentButton = b;
                            show(module.get());
                        },
                        () -> {
                            if (back != null) {
                                back.setSelected(true);
                            }
                        });
            }
        });
        // A selected entry stays selected when clicked again, as in any sidebar.
        b.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (b.isSelected()) {
                e.consume();
            }
        });
        return b;
    }

    /**
     * Puts the number of reminders due now beside 提醒 (loaded in the background): after the login, when another
     * module is opened (what was recorded there may have dealt with one) and after a reminder was dealt with. Not
     * lit in the status bar: the module opened is what the user waits for, and the count must never delay it.
     */
    private void countReminders() {
        if (remindersButton == null) {
            return;
        }
        if (!countedSinceLogin) {
            // The first count waits for the first module's loads: beside them at login it took about half of the CPU
            // from the register's first page on a large home (its growth source reads every child in care's latest
            // measurement), and a thread's low priority does not hold it back on Linux.
            countedSinceLogin = true;
            whenLoadsDone(reminderCount::request);
            return;
        }
        reminderCount.request();
    }

    /** Runs {@code then} on the JavaFX thread once no background load is under way. */
    private void whenLoadsDone(Runnable then) {
        if (tasks.running().get() == 0) {
            then.run();
            return;
        }
        tasks.running().addListener(new ChangeListener<Number>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number is) {
                if (is.intValue() == 0) {
                    tasks.running().removeListener(this);
                    then.run();
                }
            }
        });
    }

    /** The reminders screen's own count of what it shows: newer than a count under way. */
    private void reminderScreenCounted(int n) {
        reminderCount.overtaken();
        showReminderCount(n);
    }

    private void showReminderCount(int n) {
        remindersButton.setText(n == 0 ? Messages.t("nav.reminders") : Messages.t("nav.remindersCount", n));
    }

    private void show(ModuleView module) {
        if (!(module instanceof RemindersModule)) {
            countReminders(); // the reminders screen counts as it loads
        }
        current = module;
        currentInput = new TypedInput(module.node(), tasks, dialogs);
        work.setCenter(module.node());
        module.shown();
    }

    /** What the current module has not saved: its own (an editable table, a form's dialog) and its typed forms. */
    public UnsavedChanges changes() {
        if (current == null) {
            return UnsavedChanges.NONE;
        }
        return UnsavedChanges.all(current.changes(), currentInput);
    }

    /**
     * Runs {@code proceed} once nothing unsaved would be lost: asks 保存 / 放弃修改 / 取消 when something is (logging
     * out, closing the window, restoring a backup).
     */
    public void leave(Runnable proceed) {
        guard.leave(changes(), proceed);
    }

    private void rememberGroup(long groupId) {
        prefs.setLastGroup(ctx.currentUser().username(), groupId);
        savePrefs();
    }

    private void savePrefs() {
        tasks.run(
                () -> {
                    prefs.save(); // a small file, but still not on the JavaFX thread
                    return true;
                },
                ok -> {},
                dialogs::showError);
    }

    private void installShortcuts() {
        var acc = getScene().getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> current.focusSearch());
        acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> current.newRecord());
        acc.put(new KeyCodeCombination(KeyCode.F5), () -> current.refresh());
    }

    private Node statusBar() {
        HBox bar = new HBox(16);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.setAlignment(Pos.CENTER_LEFT);
        Session session = ctx.currentUser().session().orElseThrow();
        // The name only: an account with many roles would push the buttons out; the roles are in the tooltip.
        Label user = new Label(Messages.t("status.user", session.displayName()), Icons.USER.icon());
        user.setTooltip(new Tooltip(Messages.list(
                session.roles().stream().map(r -> r.label()).sorted().toList())));
        user.setId("statusUser");
        Label home = new Label(homeName);
        Button lock = new Button(Messages.t("login.lockNow"), Icons.LOCK.icon());
        lock.setId("lockNow");
        Mnemonics.on(lock, 'L');
        lock.getStyleClass().add("small");
        lock.setOnAction(e -> shell.lock());
        Button logout = new Button(Messages.t("login.logout"), Icons.LOGOUT.icon());
        logout.setId("logout");
        logout.getStyleClass().add("small");
        logout.setOnAction(e -> shell.logout());
        // This PC's data folder is a long path: named in the tooltip; a server's address is short and shown.
        Label db = new Label(
                ctx.serverAddress() == null
                        ? Messages.t("status.databaseHere")
                        : Messages.t("status.database", ctx.serverAddress()),
                Icons.DATABASE.icon());
        db.setTooltip(new Tooltip(
                Messages.t("status.database", ctx.serverAddress() == null ? ctx.dataDir() : ctx.serverAddress())));
        db.setId("databaseStatus");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setId("busyIndicator");
        busy.visibleProperty().bind(tasks.running().greaterThan(0));
        Label work = new Label();
        work.textProperty()
                .bind(Bindings.when(tasks.running().greaterThan(0))
                        .then(Messages.t("status.working"))
                        .otherwise(Messages.t("status.ready")));
        bar.getChildren().addAll(user, lock, logout, home, db, grow, busy, work);
        for (Node n : bar.getChildren()) {
            if (n instanceof Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE); // never "L…" for 锁定: the spacer gives way
            }
        }
        return bar;
    }

    /** Language, theme and font size: rebuilt in place so every label takes the new language. */
    private void applySettings() {
        savePrefs();
        Messages.use(prefs.locale());
        Appearance.apply(prefs, getScene());
        shell.rebuild();
        dialogs.notifySuccess(Messages.t("settings.applied"));
    }

    /** The sidebar entry shown now (its id), or null. */
    public String currentModule() {
        return currentButton == null ? null : currentButton.getId();
    }

    /** Shows the module of a sidebar entry, if this user has it. */
    public void showModule(String navId) {
        if (lookup("#" + navId) instanceof ToggleButton b) {
            b.setSelected(true);
        }
    }

    public void showSettings() {
        ((ToggleButton) lookup("#navSettings")).setSelected(true);
    }

    /** After a login: the demo offer on a new, empty home. */
    public void afterLogin() {
        if (ctx.currentUser().can(AppModule.RESIDENTS, Action.CREATE)) {
            offerDemoIfEmpty();
        }
    }

    /** First start on an empty database: offer the demo home once. */
    public void offerDemoIfEmpty() {
        tasks.run(
                () -> ctx.demoHome().shouldOffer(),
                empty -> {
                    if (!empty) {
                        return;
                    }
                    boolean load = dialogs.confirm(
                            Messages.t("demo.offerTitle"),
                            Messages.t("demo.offerText"),
                            Messages.t("demo.load"),
                            Messages.t("demo.skip"));
                    if (load) {
                        residentsModule().showDemoLoading();
                    }
                    tasks.run(
                            () -> {
                                if (!load) {
                                    ctx.demoHome().markOffered();
                                    return 0;
                                }
                                // Marks the offer taken in the demo's own transaction: an interrupted load offers it
                                // again.
                                return ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
                            },
                            n -> {
                                if (n > 0) {
                                    dialogs.notifySuccess(Messages.t("demo.loaded", n));
                                    residentsModule().reloadAll();
                                }
                            },
                            dialogs::showError);
                },
                dialogs::showError);
    }

    private static Region spacer(double h) {
        Region r = new Region();
        r.setMinHeight(h);
        return r;
    }
}
