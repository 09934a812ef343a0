package org.huyou.shell;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.HintWidth;
import org.huyou.security.AccountService.StaffMember;

/**
 * Forgotten passwords, from the login screen: the recovery key first, then the administrator who gets a new password
 * (typed twice). The View of {@link RecoveryViewModel}.
 */
final class RecoveryView extends VBox {

    private final RecoveryViewModel model;
    private final Label error = new Label();
    private final VBox step = new VBox(12);
    private final Button next = new Button(Messages.t("recovery.next"));
    private final Button submit = new Button(Messages.t("recovery.setPassword"));
    private final TextField key = new TextField();
    private final Label intro = new Label();
    private final PasswordField password = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final ComboBox<StaffMember> admin = new ComboBox<>();

    RecoveryView(RecoveryViewModel model) {
        this.model = model;
        setAlignment(Pos.CENTER);
        setSpacing(14);
        setPadding(new Insets(40));
        getStyleClass().add("login-view");
        Label title = new Label(Messages.t("recovery.title"));
        title.getStyleClass().add("app-title");
        intro.setText(Messages.t("recovery.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(520);
        key.setId("recoveryKeyField");
        key.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
        key.textProperty().bindBidirectional(model.key);
        HintWidth.fit(key);
        key.setPrefColumnCount(44); // a key typed in lower case with spaces is longer than its hint: seen whole
        FormGrid keyForm = new FormGrid();
        keyForm.setMaxWidth(640);
        keyForm.field(Messages.t("recovery.key"), true, key, null);
        next.setId("recoveryNext");
        next.setMinWidth(Region.USE_PREF_SIZE); // never "…" at 1366×768, in either language
        submit.setMinWidth(Region.USE_PREF_SIZE);
        next.setDefaultButton(true);
        next.disableProperty().bind(model.busyProperty());
        next.setOnAction(e -> model.checkKey());
        step.setAlignment(Pos.CENTER);
        step.getChildren().setAll(keyForm, next);

        admin.setId("recoveryAdmin");
        admin.setConverter(Converters.of(m ->
                m.displayName().equals(m.username()) ? m.username() : m.displayName() + " (" + m.username() + ")"));
        admin.setItems(model.administrators);
        admin.valueProperty().bindBidirectional(model.admin);
        password.setId("recoveryPassword");
        again.setId(RecoveryViewModel.PASSWORD_AGAIN);
        password.textProperty().bindBidirectional(model.password);
        again.textProperty().bindBidirectional(model.again);
        submit.setId("recoverySubmit");
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> model.setPassword());
        // two passwords that differ: the confirmation is marked and takes the cursor, both keep what is typed
        FieldMarks.follow(this, model.refusedFieldProperty());
        model.choosingProperty().addListener((o, was, choosing) -> {
            if (choosing) {
                showAdministratorStep();
            }
        });

        error.setId("recoveryError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(FormGrid.ERROR_STYLE);
        error.setWrapText(true);
        error.setMaxWidth(480);
        Hyperlink back = new Hyperlink(Messages.t("recovery.back"));
        back.setId("recoveryBack");
        back.setOnAction(e -> model.back());
        getChildren().addAll(title, intro, step, error, back);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                key.requestFocus();
            }
        });
    }

    /** The key was right: choose the administrator and type the new password twice. */
    void chooseAdministrator(List<StaffMember> administrators) {
        model.chooseAdministrator(administrators);
    }

    private void showAdministratorStep() {
        intro.setText(Messages.t("recovery.keyAccepted")); // the key step's request no longer applies
        FormGrid form = new FormGrid();
        form.setMaxWidth(640);
        form.field(Messages.t("recovery.admin"), true, admin, null);
        form.field(Messages.t("recovery.newPassword"), true, password, null);
        form.field(Messages.t("recovery.newPasswordAgain"), true, again, null);
        next.setDefaultButton(false);
        submit.setDefaultButton(true);
        step.getChildren().setAll(form, submit);
        (admin.getValue() == null ? admin : password).requestFocus();
    }
}
