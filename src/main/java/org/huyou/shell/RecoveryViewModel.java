package org.huyou.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.AccountService.StaffMember;
import org.slf4j.LoggerFactory;

/**
 * Forgotten passwords (ADR 0014): the recovery key checked, then the administrator chosen and the new password typed
 * twice. The key's lockout and the password's strength are the services'; here the choice and the two passwords
 * agreeing. The home the recovery opened is closed once the password is set or the user goes back.
 */
final class RecoveryViewModel {

    private final TaskRunner tasks;
    private final Path dataDir;
    private final AppContext open;
    private final Clock clock;
    private final Consumer<String> onDone;
    private final Runnable onBack;
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty choosing = new SimpleBooleanProperty(false);
    private HomeAccess.Recovery recovery;
    private boolean left;
    private final StringProperty refusedField = new SimpleStringProperty("");

    final StringProperty key = new SimpleStringProperty("");
    final ObservableList<StaffMember> administrators = FXCollections.observableArrayList();
    final ObjectProperty<StaffMember> admin = new SimpleObjectProperty<>();
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty again = new SimpleStringProperty("");

    /**
     * {@code open} is the window's home behind the lock screen, else null; {@code onDone} gets the administrator whose
     * password was set, {@code onBack} runs when the user goes back to the login.
     */
    RecoveryViewModel(
            TaskRunner tasks, Path dataDir, AppContext open, Clock clock, Consumer<String> onDone, Runnable onBack) {
        this.tasks = tasks;
        this.dataDir = dataDir;
        this.open = open;
        this.clock = clock;
        this.onDone = onDone;
        this.onBack = onBack;
    }

    /** Checks the typed key; right, the administrators to choose from. */
    void checkKey() {
        error.set("");
        busy.set(true);
        String typed = key.get();
        tasks.run(
                () -> HomeAccess.startRecovery(dataDir, open, typed, clock),
                r -> {
                    recovery = r;
                    if (left) {
                        close(); // the user went back while the key was being checked
                        return;
                    }
                    chooseAdministrator(r.administrators());
                },
                failure -> refused(UserFacingException.describe(failure)));
    }

    /** The key was right: the administrators to choose from (the only one already chosen). */
    void chooseAdministrator(List<StaffMember> found) {
        administrators.setAll(found);
        admin.set(found.size() == 1 ? found.get(0) : null);
        busy.set(false);
        choosing.set(true);
    }

    /** Sets the chosen administrator's new password, refused before the service when none is chosen or they differ. */
    void setPassword() {
        if (admin.get() == null) {
            error.set(Messages.t("recovery.chooseAdmin"));
            return;
        }
        if (!password.get().equals(again.get())) {
            refused(Messages.t("setup.passwordAgainDiffers", Messages.t("recovery.newPasswordAgain")));
            refusedField.set(PASSWORD_AGAIN);
            return;
        }
        error.set("");
        refusedField.set("");
        busy.set(true);
        HomeAccess.Recovery r = recovery;
        String who = admin.get().username();
        String typed = password.get();
        tasks.run(
                () -> {
                    r.setPassword(who, typed);
                    return who;
                },
                done -> {
                    close();
                    onDone.accept(done);
                },
                failure -> refused(UserFacingException.describe(failure)));
    }

    /** Back to the login; a recovery under way is closed (or will be, once its key check ends). */
    void back() {
        left = true;
        close();
        onBack.run();
    }

    /**
     * Says why the key or the password was refused, and lets the user try again with what is typed kept, as the
     * first start does (emptying both passwords made the user type both again for a typo in one).
     */
    void refused(String message) {
        refusedField.set(""); // the same field refused again is marked and focused again
        error.set(message);
        busy.set(false);
    }

    /** The id of the new password's confirmation control: marked when the two passwords differ. */
    static final String PASSWORD_AGAIN = "recoveryPasswordAgain";

    /** The id of the control the last refusal is about (for {@link org.huyou.common.ui.FieldMarks}), or empty. */
    ReadOnlyStringProperty refusedFieldProperty() {
        return refusedField;
    }

    private void close() {
        HomeAccess.Recovery r = recovery;
        recovery = null;
        if (r != null) {
            tasks.run(
                    () -> {
                        r.close();
                        return true;
                    },
                    ok -> {},
                    failure -> LoggerFactory.getLogger(RecoveryViewModel.class)
                            .warn("Closing a recovery failed: {}", failure.toString()));
        }
    }

    /** Why the last try was refused, or empty. */
    ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True while the key or the password is being checked: the buttons wait. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True once the key was right: the administrator and the new password are asked for. */
    ReadOnlyBooleanProperty choosingProperty() {
        return choosing;
    }
}
