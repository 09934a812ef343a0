package org.huyou.shell;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.FormGrid;

/**
 * First start: the home's profile, the first administrator and where the data lives (this PC, or a PostgreSQL server
 * several office PCs share); then, for a home on this PC, the recovery key, shown once. A PC joining a home already on
 * a server goes to the connect page instead. The View of {@link SetupViewModel}.
 */
final class SetupView extends VBox {

    private final Label error = new Label();
    /** Shown while the home is being made. */
    private final HBox creating = new HBox(8);

    private final Button create;

    SetupView(SetupViewModel model, Runnable onJoin) {
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setPadding(new Insets(30));
        Label title = new Label(Messages.t("setup.title"));
        title.getStyleClass().add("app-title");
        Label intro = new Label(Messages.t("setup.intro"));
        intro.setWrapText(true);
        TextField home = field("setupHome", model.homeName);
        TextField region = field("setupRegion", model.region);
        TextField admin = field("setupAdmin", model.admin);
        TextField display = field("setupDisplayName", model.displayName);
        PasswordField pw1 = new PasswordField();
        pw1.setId("setupPassword");
        pw1.textProperty().bindBidirectional(model.password);
        PasswordField pw2 = new PasswordField();
        pw2.setId(SetupViewModel.PASSWORD_AGAIN);
        pw2.textProperty().bindBidirectional(model.again);
        // two passwords that differ: the confirmation is marked and takes the cursor, both keep what is typed
        FieldMarks.follow(this, model.refusedFieldProperty());
        FormGrid form = new FormGrid();
        form.setMaxWidth(640);
        form.field(Messages.t("setup.homeName"), true, home, null);
        form.field(Messages.t("setup.region"), false, region, null);
        form.field(Messages.t("setup.adminUsername"), true, admin, null);
        form.field(Messages.t("setup.adminDisplayName"), false, display, null);
        form.field(Messages.t("setup.password"), true, pw1, null);
        form.field(Messages.t("setup.passwordAgain"), true, pw2, null);
        ToggleGroup where = new ToggleGroup();
        RadioButton here = new RadioButton(Messages.t("setup.dataHere"));
        here.setId("setupDataHere");
        here.setToggleGroup(where);
        here.setSelected(true);
        RadioButton onServer = new RadioButton(Messages.t("setup.dataOnServer"));
        onServer.setId("setupDataOnServer");
        onServer.setToggleGroup(where);
        onServer.selectedProperty().bindBidirectional(model.onServer);
        for (RadioButton choice : new RadioButton[] {here, onServer}) {
            choice.setWrapText(true);
            choice.setMaxWidth(380);
        }
        form.field(Messages.t("setup.dataWhere"), true, new VBox(6, here, onServer), null);
        ServerFields server = new ServerFields(model.server);
        server.addTo(form, onServer.selectedProperty());
        error.setId("setupError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(FormGrid.ERROR_STYLE);
        error.setWrapText(true);
        create = new Button(Messages.t("setup.create"));
        create.setId("setupCreate");
        create.setDefaultButton(true);
        create.disableProperty().bind(model.creatingProperty());
        create.setOnAction(e -> model.create());
        Hyperlink join = new Hyperlink(Messages.t("setup.joinServer"));
        join.setId("setupJoinServer");
        join.setOnAction(e -> onJoin.run());
        // making the home (the password's hash, the keys, the database) takes seconds on an office PC: say so
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        creating.getChildren().addAll(spinner, new Label(Messages.t("setup.creating")));
        creating.setId("setupCreating");
        creating.setAlignment(Pos.CENTER);
        creating.visibleProperty().bind(create.disableProperty()); // greyed while the home is made
        creating.managedProperty().bind(creating.visibleProperty());
        getChildren().addAll(title, intro, form, create, creating, error, join);
    }

    private static TextField field(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    /** The recovery key page: continue only after confirming it was written down. */
    static VBox recoveryKeyPage(String recoveryKey, DocumentPrinter printer, Runnable onContinue) {
        Label title = new Label(Messages.t("setup.recoveryKeyTitle"));
        title.getStyleClass().add("app-title");
        RecoveryKeyBox box = new RecoveryKeyBox(
                recoveryKey, Messages.t("setup.recoveryKeyWarning"), Messages.t("setup.recoveryKeyConfirm"), printer);
        Button go = new Button(Messages.t("setup.continue"));
        go.setId("recoveryKeyContinue");
        go.setDefaultButton(true);
        go.disableProperty().bind(box.confirmed().not());
        go.setOnAction(e -> onContinue.run());
        VBox page = new VBox(14, title, box, go);
        page.setAlignment(Pos.CENTER);
        page.setPadding(new Insets(30));
        return page;
    }
}
