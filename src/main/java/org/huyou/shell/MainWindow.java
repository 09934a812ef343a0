package org.huyou.shell;

import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.app.AppContext;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.demo.DemoHome;
import org.huyou.residents.ui.ResidentsModule;

/** The frame: navigation sidebar, work area and status bar. Shortcuts go to the module on show. */
public final class MainWindow extends BorderPane {

    private final AppContext ctx;
    private final Preferences prefs;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ToggleGroup nav = new ToggleGroup();
    private ModuleView current;
    private ResidentsModule residents;

    public MainWindow(AppContext ctx, Preferences prefs, TaskRunner tasks, DialogService dialogs) {
        this.ctx = ctx;
        this.prefs = prefs;
        this.tasks = tasks;
        this.dialogs = dialogs;
        getStyleClass().add("main-window");
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPadding(new Insets(12, 8, 12, 8));
        Label title = new Label(Messages.t("app.title"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label(Messages.t("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        subtitle.setWrapText(true);
        sidebar.getChildren().addAll(title, subtitle, spacer(12));
        sidebar.getChildren().add(navButton("navResidents", Messages.t("nav.residents"), Icons.RESIDENTS,
                this::residentsModule));
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        sidebar.getChildren().addAll(grow, navButton("navSettings", Messages.t("nav.settings"), Icons.SETTINGS,
                () -> new SettingsView(ctx, prefs, this::applySettings)));
        setLeft(sidebar);
        setBottom(statusBar());
        nav.getToggles().get(0).setSelected(true);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts();
            }
        });
    }

    private ResidentsModule residentsModule() {
        if (residents == null) {
            residents = new ResidentsModule(ctx.residents(), ctx.residentImporter(), tasks, dialogs);
        }
        return residents;
    }

    private ToggleButton navButton(String id, String text, Icons icon, Supplier<ModuleView> module) {
        ToggleButton b = new ToggleButton(text, icon.icon());
        b.setId(id);
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("nav-button");
        b.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                show(module.get());
            }
        });
        // A selected entry stays selected when clicked again, as in any sidebar.
        b.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (b.isSelected()) {
                e.consume();
            }
        });
        return b;
    }

    private void show(ModuleView module) {
        current = module;
        setCenter(module.node());
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
        Label user = new Label(Messages.t("status.user", ctx.currentUser().username()), Icons.USER.icon());
        Label db = new Label(Messages.t("status.database", ctx.dataDir()), Icons.DATABASE.icon());
        db.setId("databaseStatus");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(tasks.running().greaterThan(0));
        Label work = new Label();
        work.textProperty().bind(javafx.beans.binding.Bindings.when(tasks.running().greaterThan(0))
                .then(Messages.t("status.working")).otherwise(Messages.t("status.ready")));
        bar.getChildren().addAll(user, db, grow, busy, work);
        return bar;
    }

    /** Language, theme and font size: rebuilt in place so every label takes the new language. */
    private void applySettings() {
        prefs.save();
        Messages.use(prefs.locale());
        MainWindow fresh = new MainWindow(ctx, prefs, tasks, dialogs);
        getScene().setRoot(fresh);
        Appearance.apply(prefs, fresh.getScene());
        ((ToggleButton) fresh.lookup("#navSettings")).setSelected(true);
        dialogs.notifySuccess(Messages.t("settings.applied"));
    }

    /** First start on an empty database: offer the demo home once. */
    public void offerDemoIfEmpty() {
        tasks.run(() -> ctx.demoHome().shouldOffer(), empty -> {
            if (!empty) {
                return;
            }
            boolean load = dialogs.confirm(Messages.t("demo.offerTitle"), Messages.t("demo.offerText"),
                    Messages.t("demo.load"), Messages.t("demo.skip"));
            tasks.run(() -> {
                ctx.demoHome().markOffered();
                return load ? ctx.demoHome().load(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED) : 0;
            }, n -> {
                if (n > 0) {
                    dialogs.notifySuccess(Messages.t("demo.loaded", n));
                    residentsModule().reloadAll();
                }
            }, dialogs::showError);
        }, dialogs::showError);
    }

    private static Region spacer(double h) {
        Region r = new Region();
        r.setMinHeight(h);
        return r;
    }
}
