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
import org.huyou.app.HomeAccess;
import org.huyou.app.HomeProfile;
import org.huyou.app.ServerConnection;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.TaskRunner;

/**
 * Another office PC joining a home already on a server (ADR 0014): the connection IT gave out, its address checked
 * here, then tried by {@link HomeAccess#connectToServer} before it is kept.
 */
final class JoinServerViewModel {

    private final TaskRunner tasks;
    private final Path dataDir;
    private final Clock clock;
    private final Consumer<HomeProfile> onJoined;
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    final ServerConnectionInput server = new ServerConnectionInput("", "huyou");

    /** {@code onJoined} gets the home found on the server, on the JavaFX thread, once the connection is kept. */
    JoinServerViewModel(TaskRunner tasks, Path dataDir, Clock clock, Consumer<HomeProfile> onJoined) {
        this.tasks = tasks;
        this.dataDir = dataDir;
        this.clock = clock;
        this.onJoined = onJoined;
    }

    /** Tries the typed connection and keeps it; refused with the reason, to be corrected. */
    void connect() {
        error.set("");
        ServerConnection connection;
        try {
            connection = server.connection();
        } catch (UserFacingException bad) {
            refused(UserFacingException.describe(bad));
            return;
        }
        busy.set(true);
        tasks.run(
                () -> HomeAccess.connectToServer(dataDir, connection, clock),
                onJoined,
                failure -> refused(UserFacingException.describe(failure)));
    }

    /** Says why the connection was refused and lets the user try again. */
    void refused(String message) {
        error.set(message);
        busy.set(false);
    }

    /** Why the last try was refused, or empty. */
    ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True while the connection is tried: the button waits. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
