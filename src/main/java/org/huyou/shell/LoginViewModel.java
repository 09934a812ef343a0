package org.huyou.shell;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.huyou.app.AppContext;
import org.huyou.app.EngineWarmUp;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.TaskRunner;

/**
 * The login screen's state and its command (ADR 0014), also behind the lock screen: the user name and password
 * typed, the login run off the JavaFX thread, and why it was refused (the password then cleared and asked for again,
 * the user name kept). The restore of a home whose data is missing takes the same user name and password.
 */
final class LoginViewModel {

    /** The login itself, off the JavaFX thread: the home opened (or the open one logged into) for these details. */
    interface Login {
        AppContext open(String user, char[] password) throws Exception;
    }

    /** A restore offered on the login screen: the chosen backup, with the typed user and password. */
    interface RestoreAction {
        void restore(Path backup, String user, char[] password);
    }

    private final TaskRunner tasks;
    private final Path dataDir;
    private final Login login;
    private final Consumer<AppContext> onOpened;
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Runnable onRefused = () -> {};

    final StringProperty username = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");

    /** {@code lastUser} (may be null) is offered again; {@code onOpened} runs on the JavaFX thread once logged in. */
    LoginViewModel(TaskRunner tasks, Path dataDir, String lastUser, Login login, Consumer<AppContext> onOpened) {
        this.tasks = tasks;
        this.dataDir = dataDir;
        this.login = login;
        this.onOpened = onOpened;
        username.set(lastUser == null ? "" : lastUser);
    }

    /** Logs in with what is typed (the user name without its surrounding spaces); refused: {@link #refused}. */
    void login() {
        error.set("");
        busy.set(true);
        String user = username.get().strip();
        char[] typed = password.get().toCharArray();
        EngineWarmUp.stop(); // what is left of the start's warm-ups would take the cores this login needs
        tasks.run(() -> login.open(user, typed), onOpened, failure -> refused(refusal(failure)));
    }

    /** Restores {@code backup} with the user name and password typed above. */
    void restore(Path backup, RestoreAction action) {
        error.set("");
        busy.set(true);
        action.restore(backup, username.get().strip(), password.get().toCharArray());
    }

    /** Why a login failed, in the login screen's words: the way out is on this screen, not a command to type. */
    String refusal(Throwable failure) {
        if (failure instanceof UserFacingException u && "home.databaseMissing".equals(u.messageKey())) {
            return Messages.t("login.databaseMissing", dataDir);
        }
        return UserFacingException.describe(failure);
    }

    /** Shows why the login was refused and lets the user try again: the password cleared, to be typed again. */
    void refused(String message) {
        error.set(message);
        password.set("");
        onRefused.run();
        busy.set(false);
    }

    /** What the View does when a login is refused (the password field takes the focus). */
    void setOnRefused(Runnable onRefused) {
        this.onRefused = onRefused;
    }

    /** Why the last try was refused, or empty. */
    ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True while a login or a restore runs: the button waits. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
