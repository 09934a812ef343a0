package org.huyou.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.TaskRunner;

/**
 * First start (ADR 0014): the home's profile, the first administrator with the password typed twice, and where the
 * data lives (this PC, or a server whose connection is typed). The two passwords and the server's address are checked
 * here; the required name, account and password's strength by {@link HomeAccess}.
 */
final class SetupViewModel {

    private final TaskRunner tasks;
    private final Path dataDir;
    private final Clock clock;
    private final Consumer<AppContext> readSettings;
    private final Consumer<HomeAccess.NewHome> onCreated;
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty refusedField = new SimpleStringProperty("");
    private final BooleanProperty creating = new SimpleBooleanProperty(false);

    final StringProperty homeName = new SimpleStringProperty("");
    final StringProperty region = new SimpleStringProperty("");
    final StringProperty admin = new SimpleStringProperty("admin");
    final StringProperty displayName = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty again = new SimpleStringProperty("");
    /** False: the data on this PC. */
    final BooleanProperty onServer = new SimpleBooleanProperty(false);

    final ServerConnectionInput server = new ServerConnectionInput("", "huyou");

    /**
     * {@code readSettings} runs off the JavaFX thread with the new home (the window reads what it needs of it);
     * {@code onCreated} then gets the home and its recovery key (null for a home on a server), on the JavaFX thread.
     */
    SetupViewModel(
            TaskRunner tasks,
            Path dataDir,
            Clock clock,
            Consumer<AppContext> readSettings,
            Consumer<HomeAccess.NewHome> onCreated) {
        this.tasks = tasks;
        this.dataDir = dataDir;
        this.clock = clock;
        this.readSettings = readSettings;
        this.onCreated = onCreated;
    }

    /** Makes the home with what is typed, unless the two passwords differ or the server's address is not understood. */
    void create() {
        if (!password.get().equals(again.get())) {
            refused(Messages.t("setup.passwordAgainDiffers", Messages.t("setup.passwordAgain")));
            refusedField.set(PASSWORD_AGAIN);
            return;
        }
        ServerConnection connection;
        try {
            connection = onServer.get() ? server.connection() : null;
        } catch (UserFacingException bad) {
            refused(UserFacingException.describe(bad));
            return;
        }
        error.set("");
        refusedField.set("");
        creating.set(true);
        HomeAccess.Setup setup = new HomeAccess.Setup(
                homeName.get(), region.get(), admin.get().strip(), displayName.get(), password.get());
        tasks.run(
                () -> {
                    HomeAccess.NewHome home = connection == null
                            ? HomeAccess.setUp(dataDir, setup, clock)
                            : HomeAccess.setUpOnServer(dataDir, connection, setup, clock);
                    readSettings.accept(home.context());
                    return home;
                },
                onCreated,
                failure -> refused(UserFacingException.describe(failure)));
    }

    /** Says why the home was not made; the form stays as typed to be corrected. */
    void refused(String message) {
        refusedField.set(""); // the same field refused again is marked and focused again
        error.set(message);
        creating.set(false);
    }

    /** The id of the password confirmation's control: marked when the two passwords differ. */
    static final String PASSWORD_AGAIN = "setupPasswordAgain";

    /** The id of the control the last refusal is about (for {@link org.huyou.common.ui.FieldMarks}), or empty. */
    ReadOnlyStringProperty refusedFieldProperty() {
        return refusedField;
    }

    /** Why the last try was refused, or empty. */
    ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True while the home is being made (seconds on an office PC): the button waits and the screen says so. */
    ReadOnlyBooleanProperty creatingProperty() {
        return creating;
    }
}
