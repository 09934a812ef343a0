package org.huyou.security.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ImportDialog;
import org.huyou.common.ui.ImportViewModel;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.PageModule;
import org.huyou.common.ui.SaveButtons;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.WholeWords;
import org.huyou.security.AccountService;
import org.huyou.security.AccountService.AccountView;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.Permission;
import org.huyou.security.Role;
import org.huyou.security.io.AccountImporter;

/** The administrator's screen: staff accounts with their roles, and the permission matrix (roles x module/action). */
public final class AccountsView extends PageModule {

    private final AccountsViewModel vm;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TableView<AccountView> table = new TableView<>();
    private final GridPane matrix = new GridPane();

    /**
     * {@code changeFileKey}: asked after a save that made a new file key due (an account deactivated or a role taken
     * away), so that the account's password and any keyring copied before stop opening the database at once.
     */
    public AccountsView(
            AccountService accounts,
            AccountImporter importer,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Runnable changeFileKey) {
        this.vm = new AccountsViewModel(accounts, importer, tasks, dialogs, user, changeFileKey);
        this.tasks = tasks;
        this.dialogs = dialogs;
        table.setId("accountTable");
        table.setItems(vm.rows());
        TableRows.follow(table, vm.selected);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("account.col.username", AccountView::username, 100));
        table.getColumns().add(Columns.text("account.col.displayName", AccountView::displayName, 100));
        table.getColumns()
                .add(Columns.text("account.col.active", a -> Messages.t(a.active() ? "common.yes" : "common.no"), 50));
        table.getColumns()
                .add(Columns.wrapped(
                        "account.col.roles",
                        // one role a line: wrapped as a list, a role's name broke across lines ("院/长")
                        a -> String.join(
                                "\n",
                                a.roles().stream().map(Role::label).sorted().toList()),
                        220));
        Button add = new Button(Messages.t("account.new"), Icons.ADD.icon());
        add.setId("newAccount");
        add.setDisable(!vm.mayCreate());
        add.setOnAction(e -> editDialog(null));
        Button edit = new Button(Messages.t("common.edit"), Icons.EDIT.icon());
        edit.setId("editAccount");
        edit.disableProperty().bind(vm.editDisabled());
        edit.setOnAction(e -> editDialog(vm.selected.get()));
        Button reset = new Button(Messages.t("account.resetPassword"));
        reset.setId("resetPassword");
        reset.disableProperty().bind(edit.disableProperty());
        reset.setOnAction(e -> resetDialog(vm.selected.get()));
        // a home moving in brings its staff list: the same import screen as the other registers'
        Button importList = new Button(Messages.t("accountImport.button"), Icons.IMPORT.icon());
        importList.setId("importAccounts");
        importList.setDisable(!vm.mayCreate());
        importList.setOnAction(e -> importDialog());
        VBox left = new VBox(8, new FlowPane(8, 8, add, edit, reset, importList), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(10));

        Label matrixTitle = new Label(Messages.t("account.matrix"));
        matrixTitle.getStyleClass().add("form-heading");
        matrix.setId("permissionMatrix");
        matrix.setHgap(6);
        matrix.setVgap(4);
        ScrollPane scroll = new ScrollPane(matrix);
        VBox right = new VBox(8, matrixTitle, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        SplitPane root = new SplitPane(left, right);
        root.setDividerPositions(0.45);
        // every read redraws the matrix, an equal one too (a refused toggle was put back by hand)
        vm.permissions().addListener(o -> fillMatrix(vm.permissions().get()));
        showPage(root, vm::refresh);
    }

    /** Chinese stands a character under the other, as it is written upright; other words turn on their side. */
    private static Node uprightHeading(String text) {
        Label l = new Label();
        if (text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            l.setText(String.join("\n", text.split("")));
            return l;
        }
        l.setText(text);
        l.setRotate(-90);
        return new Group(l); // a group is laid out by its rotated bounds, a bare label by its level ones
    }

    /** The permission's words wrap at this width, so that the roles' columns have the room beside them. */
    private static final double PERMISSION_WIDTH = 280;

    private void fillMatrix(Map<Role, Set<Permission>> perms) {
        matrix.getChildren().clear();
        int col = 1;
        for (Role r : Role.values()) {
            // Upright headings: eleven roles side by side fit beside the permissions at 1366×768 (side by side, one
            // role was all that fitted, and scrolled to the others the rows had lost their names).
            Node upright = uprightHeading(r.label());
            GridPane.setHalignment(upright, HPos.CENTER);
            GridPane.setValignment(upright, VPos.BOTTOM);
            matrix.add(upright, col++, 0);
        }
        int row = 1;
        boolean editable = vm.mayEdit();
        for (AppModule m : AppModule.values()) {
            for (Action a : m.actions()) {
                Permission p = new Permission(m, a);
                // A permission whose meaning the action's word does not say (给药) has a label of its own.
                String key = "permission." + m.name() + "." + a.name();
                String name = Messages.has(key) ? Messages.t(key) : m.label() + " · " + a.label();
                Label permission = new Label(name);
                permission.setWrapText(true);
                permission.setMaxWidth(PERMISSION_WIDTH);
                WholeWords.keep(permission);
                matrix.add(permission, 0, row);
                col = 1;
                for (Role r : Role.values()) {
                    CheckBox cb = new CheckBox();
                    cb.setSelected(perms.get(r).contains(p));
                    cb.setDisable(!editable);
                    cb.setOnAction(
                            e -> vm.setPermission(r, p, cb.isSelected(), () -> cb.setSelected(!cb.isSelected())));
                    // what the box means, also when the matrix is scrolled away from its names
                    cb.setAccessibleText(r.label() + " — " + name);
                    GridPane.setHalignment(cb, HPos.CENTER);
                    matrix.add(cb, col++, row);
                }
                row++;
            }
        }
    }

    /**
     * The shared import screen, with the first password for rows that give none typed twice beside it. The fields
     * are read on this thread, as they change, into what the import reads at its commit in the background.
     */
    private void importDialog() {
        PasswordField password = new PasswordField();
        password.setId("importFirstPassword");
        PasswordField again = new PasswordField();
        again.setId("importFirstPasswordAgain");
        AtomicReference<String[]> typed = new AtomicReference<>(new String[] {"", ""});
        ChangeListener<String> keep = (o, a, b) -> typed.set(new String[] {password.getText(), again.getText()});
        password.textProperty().addListener(keep);
        again.textProperty().addListener(keep);
        FormGrid form = new FormGrid();
        form.field(Messages.t("accountImport.firstPassword"), false, password, null);
        form.field(Messages.t("accountImport.firstPasswordAgain"), false, again, null);
        Label hint = new Label(Messages.t("accountImport.firstPasswordHint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        new ImportDialog(
                        new ImportViewModel<>(vm.importerWithFirstPassword(typed::get), tasks),
                        dialogs,
                        this::refresh,
                        new VBox(4, form, hint))
                .show();
    }

    private void editDialog(AccountView existing) {
        Dialog<ButtonType> d = dialogs.dialog();
        d.setTitle(Messages.t(existing == null ? "account.new" : "common.edit"));
        d.setHeaderText(d.getTitle());
        TextField username = new TextField(existing == null ? "" : existing.username());
        username.setId("accountUsername");
        username.setDisable(existing != null);
        TextField display = new TextField(existing == null ? "" : existing.displayName());
        display.setId("accountDisplayName");
        PasswordField password = new PasswordField();
        password.setId("accountPassword");
        // typed twice, as at the first start: a typo in a password nobody has seen cannot be noticed later
        PasswordField again = new PasswordField();
        again.setId("accountPasswordAgain");
        StringProperty againError = new SimpleStringProperty("");
        CheckBox active = new CheckBox(Messages.t("account.col.active"));
        active.setSelected(existing == null || existing.active());
        active.setId("accountActive");
        FlowPane roles = new FlowPane(10, 6);
        roles.setPrefWrapLength(420);
        Map<Role, CheckBox> roleBoxes = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            CheckBox cb = new CheckBox(r.label());
            cb.setId("role_" + r.name());
            cb.setSelected(existing != null && existing.roles().contains(r));
            roleBoxes.put(r, cb);
            roles.getChildren().add(cb);
        }
        FormGrid form = new FormGrid();
        form.field(Messages.t("account.col.username"), true, username, null);
        form.field(Messages.t("account.col.displayName"), false, display, null);
        if (existing == null) {
            form.field(Messages.t("login.password"), true, password, null);
            form.field(Messages.t("setup.passwordAgain"), true, again, againError);
        } else {
            form.field("", false, active, null);
            // Said before the save: the key change that follows closes the home for a moment.
            Label keyNote = new Label(Messages.t("account.keyChangeNote"));
            keyNote.setWrapText(true);
            keyNote.setMaxWidth(420);
            form.field("", false, keyNote, null);
        }
        form.field(Messages.t("account.col.roles"), true, roles, null);
        d.getDialogPane().setContent(form);
        SaveButtons buttons = SaveButtons.addTo(d);
        buttons.saveButton().setId("saveAccount");
        Notices marks = FieldMarks.marking(d::getDialogPane, dialogs);
        buttons.onSave(() -> {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            roleBoxes.forEach((r, cb) -> {
                if (cb.isSelected()) {
                    chosen.add(r);
                }
            });
            AccountsViewModel.AccountForm typed = new AccountsViewModel.AccountForm(
                    username.getText(),
                    display.getText(),
                    password.getText(),
                    again.getText(),
                    chosen,
                    active.isSelected());
            Map<String, FieldMarks.FormField> fields = Map.of(
                    "username", new FieldMarks.FormField(username.getId(), Messages.t("account.col.username")),
                    "displayName", new FieldMarks.FormField(display.getId(), Messages.t("account.col.displayName")),
                    "password", new FieldMarks.FormField(password.getId(), Messages.t("login.password")),
                    "roles",
                            new FieldMarks.FormField(
                                    "role_" + Role.values()[0].name(), Messages.t("account.col.roles")));
            String differ = vm.passwordsDiffer(existing, typed);
            if (differ != null) {
                againError.set(differ);
                again.requestFocus();
                return;
            }
            // a refusal names its field ("密码：这个密码太常见…"), marks it and keeps the dialog open with what was typed
            vm.save(
                    existing,
                    typed,
                    () -> buttons.closeSaved(d),
                    refusal -> marks.showError(FieldMarks.onForm(refusal, fields)));
        });
        d.show();
    }

    private void resetDialog(AccountView account) {
        Dialog<ButtonType> d = dialogs.dialog();
        d.setTitle(Messages.t("account.resetPassword") + ": " + account.username());
        d.setHeaderText(d.getTitle());
        PasswordField password = new PasswordField();
        password.setId("resetPasswordField");
        FormGrid form = new FormGrid();
        form.field(Messages.t("login.password"), true, password, null);
        d.getDialogPane().setContent(form);
        SaveButtons buttons = SaveButtons.addTo(d);
        Notices marks = FieldMarks.marking(d::getDialogPane, dialogs);
        Map<String, FieldMarks.FormField> fields =
                Map.of("password", new FieldMarks.FormField(password.getId(), Messages.t("login.password")));
        buttons.onSave(() -> vm.resetPassword(
                account,
                password.getText(),
                () -> buttons.closeSaved(d),
                refusal -> marks.showError(FieldMarks.onForm(refusal, fields))));
        d.show();
    }
}
