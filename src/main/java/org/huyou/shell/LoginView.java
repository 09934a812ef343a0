package org.huyou.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormGrid;

/**
 * The login screen, also the lock screen: user name and password, and the reason when a login is refused. The View
 * of {@link LoginViewModel}.
 */
final class LoginView extends VBox {

    private final LoginViewModel model;
    private final Label error = new Label();
    private final Button submit;
    private final PasswordField password = new PasswordField();
    private final TextField username = new TextField();

    /** {@code onRecover} is null for a home without a recovery key (on a server): no link then. */
    LoginView(String homeName, String notice, LoginViewModel model, Runnable onRecover) {
        this.model = model;
        // From the top, not centred: a reason or a restore offer appearing below never moves the fields being typed in
        setAlignment(Pos.TOP_CENTER);
        setSpacing(14);
        setPadding(new Insets(60, 40, 40, 40));
        getStyleClass().add("login-view");
        Label title = new Label(Messages.t("app.title"));
        title.getStyleClass().add("app-title");
        Label home = new Label(homeName == null ? "" : homeName);
        home.getStyleClass().add("app-subtitle");
        username.textProperty().bindBidirectional(model.username);
        password.textProperty().bindBidirectional(model.password);
        username.setId("loginUsername");
        password.setId("loginPassword");
        FormGrid form = new FormGrid();
        form.setMaxWidth(520);
        form.field(Messages.t("login.username"), false, username, null);
        form.field(Messages.t("login.password"), false, password, null);
        error.setId("loginError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(FormGrid.ERROR_STYLE);
        error.setWrapText(true);
        error.setMaxWidth(420);
        submit = new Button(Messages.t("login.submit"));
        submit.setId("loginSubmit");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> model.login());
        model.setOnRefused(password::requestFocus);
        getChildren().addAll(title, home);
        if (notice != null) {
            Label n = new Label(notice);
            n.setId("loginNotice");
            n.setWrapText(true);
            getChildren().add(n);
        }
        getChildren().addAll(form, submit, error);
        if (onRecover != null) {
            Hyperlink recover = new Hyperlink(Messages.t("recovery.link"));
            recover.setId("loginRecover");
            recover.setOnAction(e -> onRecover.run());
            getChildren().add(recover);
        }
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                (username.getText().isEmpty() ? username : password).requestFocus();
            }
        });
    }

    /**
     * The home's data is missing (its keyring is here): the backups beside it, newest first, or another file, restored
     * with the user name and password typed above; never a new empty database.
     */
    void offerRestore(
            String why, List<Path> backups, Supplier<Path> chooseOther, LoginViewModel.RestoreAction onRestore) {
        Label reason = new Label(why);
        reason.setId("loginDataMissing");
        reason.setWrapText(true);
        reason.setMaxWidth(520);
        reason.getStyleClass().add(FormGrid.ERROR_STYLE);
        Label help = new Label(Messages.t("login.restoreMissingHelp"));
        help.setWrapText(true);
        ListView<Path> list = new ListView<>();
        list.setId("loginBackups");
        list.setMaxWidth(520);
        list.setPrefHeight(140);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        list.getItems().setAll(backups);
        if (!backups.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        Button other = new Button(Messages.t("backup.chooseFile"));
        other.setId("loginOtherBackup");
        other.setOnAction(e -> {
            Path chosen = chooseOther.get();
            if (chosen != null) {
                list.getItems().add(0, chosen);
                list.getSelectionModel().selectFirst();
            }
        });
        Button restore = new Button(Messages.t("login.restoreMissing"));
        restore.setId("loginRestore");
        restore.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> model.restore(list.getSelectionModel().getSelectedItem(), onRestore));
        getChildren().addAll(reason, help, list, new HBox(8, other, restore));
    }

    /** Shows why the login was refused and lets the user try again. */
    void refused(String message) {
        model.refused(message);
    }
}
