package org.huyou.security.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.AccountService;
import org.huyou.security.AccountService.AccountView;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.Permission;
import org.huyou.security.Role;
import org.huyou.security.io.AccountImporter;

/**
 * The administrator's accounts screen without its controls: the accounts and each role's permissions, an account
 * saved (its password typed twice when new), a password reset, a permission granted or taken, and the import of a
 * staff list with the first password for rows that give none.
 */
public final class AccountsViewModel {

    /** What the account form holds when saved; {@code again} is the password typed a second time. */
    public record AccountForm(
            String username, String displayName, String password, String again, Set<Role> roles, boolean active) {}

    private final AccountService accounts;
    private final AccountImporter importer;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Runnable changeFileKey;
    private final boolean mayCreate;
    private final boolean mayEdit;
    private final CurrentUser user;
    private final ObservableList<AccountView> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Role, Set<Permission>>> permissions = new SimpleObjectProperty<>(Map.of());

    final ObjectProperty<AccountView> selected = new SimpleObjectProperty<>();

    /** {@code changeFileKey}: run after a save that made a new file key due (see {@link AccountsView}). */
    public AccountsViewModel(
            AccountService accounts,
            AccountImporter importer,
            TaskRunner tasks,
            Notices notices,
            CurrentUser user,
            Runnable changeFileKey) {
        this.accounts = accounts;
        this.importer = importer;
        this.tasks = tasks;
        this.notices = notices;
        this.changeFileKey = changeFileKey;
        this.mayCreate = user.can(AppModule.ACCOUNTS, Action.CREATE);
        this.mayEdit = user.can(AppModule.ACCOUNTS, Action.EDIT);
        this.user = user;
    }

    public ObservableList<AccountView> rows() {
        return rows;
    }

    /** Each role's permissions as last read; a new map after every refresh. */
    public ReadOnlyObjectProperty<Map<Role, Set<Permission>>> permissions() {
        return permissions;
    }

    public boolean mayCreate() {
        return mayCreate;
    }

    public boolean mayEdit() {
        return mayEdit;
    }

    /** Editing and resetting need a chosen account and the right to edit. */
    public BooleanBinding editDisabled() {
        return Bindings.createBooleanBinding(() -> selected.get() == null || !mayEdit, selected);
    }

    public void refresh() {
        tasks.run(
                () -> {
                    List<AccountView> list = accounts.accounts();
                    Map<Role, Set<Permission>> perms = new EnumMap<>(Role.class);
                    for (Role r : Role.values()) {
                        perms.put(r, accounts.permissionsOf(r));
                    }
                    return Map.entry(list, perms);
                },
                data -> {
                    rows.setAll(data.getKey());
                    permissions.set(data.getValue());
                },
                notices::showError);
    }

    /** Grants or takes a permission; {@code undo} puts the box back when the service refuses. */
    public void setPermission(Role role, Permission permission, boolean granted, Runnable undo) {
        tasks.run(
                () -> {
                    accounts.setPermission(role, permission, granted);
                    return true;
                },
                ok -> {},
                failure -> {
                    undo.run();
                    notices.showError(failure);
                });
    }

    /**
     * The sentence for the second password field when a new account's two passwords differ (typed twice, as at the
     * first start: a typo in a password nobody has seen cannot be noticed later); null when they agree.
     */
    public String passwordsDiffer(AccountView existing, AccountForm form) {
        return existing == null && !form.password().equals(form.again()) ? Messages.t("setup.passwordsDiffer") : null;
    }

    /**
     * Creates the account ({@code existing} null) or updates it; on success {@code closed} runs, the user is told,
     * and either the file key is changed (a role taken or an account deactivated made it due) or the list read again.
     */
    public void save(AccountView existing, AccountForm form, Runnable closed) {
        save(existing, form, closed, notices::showError);
    }

    /** As above; a refusal goes to {@code refused} (the dialog marks the field it names and stays open). */
    public void save(AccountView existing, AccountForm form, Runnable closed, Consumer<Throwable> refused) {
        tasks.run(
                () -> {
                    if (existing == null) {
                        accounts.create(form.username(), form.displayName(), form.password(), form.roles());
                    } else {
                        accounts.update(existing.id(), form.displayName(), form.roles(), form.active());
                    }
                    return accounts.fileKeyRotationDue() != null;
                },
                keyChangeDue -> {
                    closed.run();
                    // one's own new roles open their screens only at the next login: say so, or the change looks lost
                    boolean ownRoles = existing != null
                            && existing.username().equals(user.username())
                            && !existing.roles().equals(form.roles());
                    notices.notifySuccess(Messages.t(ownRoles ? "account.savedOwnRoles" : "account.saved"));
                    if (keyChangeDue) {
                        changeFileKey.run();
                    } else {
                        refresh();
                    }
                },
                refused);
    }

    public void resetPassword(AccountView account, String password, Runnable closed) {
        resetPassword(account, password, closed, notices::showError);
    }

    /** As above; a refusal goes to {@code refused} (the dialog marks the password field and stays open). */
    public void resetPassword(AccountView account, String password, Runnable closed, Consumer<Throwable> refused) {
        tasks.run(
                () -> {
                    accounts.resetPassword(account.id(), password);
                    return true;
                },
                ok -> {
                    closed.run();
                    notices.notifySuccess(Messages.t("account.saved"));
                },
                refused);
    }

    /**
     * The staff list's importer, with the first password for rows that give none: {@code typed} is read at the
     * commit (in the background), so the View keeps it as the fields change.
     */
    public AccountImporter importerWithFirstPassword(Supplier<String[]> typed) {
        return importer.withFirstPassword(() -> firstPassword(typed.get()));
    }

    /** The first password from the two fields: refused when blank or when the two differ. */
    static char[] firstPassword(String[] typed) {
        if (typed[0].isEmpty()) {
            throw new UserFacingException("accountImport.passwordMissing");
        }
        if (!typed[0].equals(typed[1])) {
            throw new UserFacingException("setup.passwordsDiffer");
        }
        return typed[0].toCharArray();
    }
}
