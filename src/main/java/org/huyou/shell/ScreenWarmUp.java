package org.huyou.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.huyou.app.EngineWarmUp;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.ResidentStatus;

/**
 * While a login is typed: the kinds of controls the main window and the register are made of (sidebar entries with
 * icons, the status bar, the search box, the filters, a table of the register's columns fitted to 50 rows), made,
 * styled with the app's stylesheets and laid out once in a scene no window shows, then dropped. The real window after
 * 登录 then finds their classes loaded, the CSS code run and partly compiled. Nothing of a home is read: the rows are
 * the register's own labels. On the JavaFX thread (controls and their skins belong there), one short step per event,
 * so that keystrokes are handled between the steps; once per program.
 */
final class ScreenWarmUp {

    private static boolean started;

    private final Preferences prefs;
    private final Consumer<TableView<?>> done;
    private final BooleanSupplier stop;
    private final List<Runnable> steps = new ArrayList<>();
    private BorderPane root;
    private TableView<String[]> table;
    private Scene scene;

    private ScreenWarmUp(Preferences prefs, Consumer<TableView<?>> done, BooleanSupplier stop) {
        this.prefs = prefs;
        this.done = done;
        this.stop = stop;
        steps.add(this::build);
        steps.add(this::style);
        steps.add(() -> root.layout());
        steps.add(this::fill);
        steps.add(() -> root.layout());
        steps.add(this::drop);
    }

    /** Starts the steps (on the JavaFX thread), unless they already ran in this program. */
    static void start(Preferences prefs) {
        if (started) {
            return;
        }
        started = true;
        new ScreenWarmUp(prefs, table -> {}, EngineWarmUp::stopped).next(0); // a login started: the rest waits no one
    }

    /** Runs the steps; at the end, {@code done} is given the register's table as they left it (a test looks at it). */
    static void begin(Preferences prefs, Consumer<TableView<?>> done) {
        new ScreenWarmUp(prefs, done, () -> false).next(0);
    }

    /** The steps in turn, each posted after the last: what the user types waits for one step at most. */
    private void next(int i) {
        if (i == steps.size() || stop.getAsBoolean()) {
            return;
        }
        Platform.runLater(() -> {
            try {
                steps.get(i).run();
            } catch (RuntimeException notNeeded) {
                return; // only a head start: the real window does all of this anyway
            }
            next(i + 1);
        });
    }

    private void build() {
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add("sidebar");
        Label title = new Label(Messages.t("app.title"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label(Messages.t("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        subtitle.setWrapText(true);
        sidebar.getChildren().addAll(title, subtitle);
        for (Icons icon : List.of(Icons.RESIDENTS, Icons.SHIFT, Icons.CASELOAD, Icons.DONATIONS, Icons.SETTINGS)) {
            ToggleButton b = new ToggleButton(Messages.t("nav.residents"), icon.icon());
            b.getStyleClass().add("nav-button");
            sidebar.getChildren().add(b);
        }
        Button lock = new Button(Messages.t("login.lockNow"), Icons.LOCK.icon());
        lock.getStyleClass().add("small");
        lock.setTooltip(new Tooltip(Messages.t("login.lockNow")));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setVisible(false); // an indeterminate one animates while shown
        HBox status = new HBox(16, new Label(Messages.t("status.ready"), Icons.USER.icon()), lock, busy);
        status.getStyleClass().add("status-bar");

        CustomTextField search = new CustomTextField();
        search.setLeft(Icons.SEARCH.icon());
        InlineForms.searchBox(search);
        search.setPromptText(Messages.t("residents.search.prompt"));
        FlowPane filters = new FlowPane(8, 6, filter(ResidentStatus.values()), filter(Category.values()));
        filters.getChildren().add(filter(DisabilityType.values()));
        table = new TableView<>();
        table.getStyleClass().add("striped");
        String[] headers = {
            "residents.col.recordNo",
            "residents.col.name",
            "residents.col.gender",
            "residents.col.age",
            "residents.col.category",
            "residents.col.group",
            "residents.col.disability",
            "residents.col.status",
            "residents.col.idNumber"
        };
        for (int c = 0; c < headers.length; c++) {
            int column = c;
            table.getColumns().add(Columns.text(headers[c], row -> row[column], 80));
        }
        Button add = new Button(Messages.t("residents.new"), Icons.ADD.icon());
        VBox left = new VBox(8, new HBox(8, add), search, filters, table, new Label());
        left.setPadding(new Insets(10));
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new BorderPane(new SplitPane(left, new VBox(new Label(Messages.t("app.title")))));
        root.getStyleClass().add("main-window");
        root.setLeft(sidebar);
        root.setBottom(status);
    }

    private static <T extends org.huyou.common.Coded> ComboBox<T> filter(T[] values) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(Converters.codedOrAll());
        return box;
    }

    private void style() {
        scene = new Scene(root, FirstWindowSize.WIDTH, FirstWindowSize.HEIGHT);
        Appearance.applyToScene(prefs, scene);
        root.applyCss();
    }

    /** Fifty rows of the register's own words (its labels, in Chinese and Latin letters), to fit the columns to. */
    private void fill() {
        List<String[]> rows = new ArrayList<>();
        ResidentStatus[] statuses = ResidentStatus.values();
        Category[] categories = Category.values();
        DisabilityType[] disabilities = DisabilityType.values();
        for (int i = 0; i < 50; i++) {
            rows.add(new String[] {
                "2026-" + (10000 + i),
                Messages.t("app.title"),
                Messages.t("common.all"),
                i + Messages.t("residents.col.age"),
                categories[i % categories.length].label(),
                Messages.t("residents.col.group"),
                disabilities[i % disabilities.length].label(),
                statuses[i % statuses.length].label(),
                "1101**********" + (1000 + i)
            });
        }
        table.getItems().setAll(rows);
        root.applyCss();
    }

    private void drop() {
        done.accept(table);
        scene.setRoot(new BorderPane());
        root = null;
        table = null;
        scene = null;
    }
}
