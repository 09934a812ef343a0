package org.huyou.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormGrid;

/**
 * First start on another office PC of a home already on a server: the connection IT gave out, tried before it is
 * kept; then the staff log in with their own accounts. The View of {@link JoinServerViewModel}.
 */
final class JoinServerView extends VBox {

    private final Label error = new Label();
    private final Button connect = new Button(Messages.t("join.connect"));

    JoinServerView(JoinServerViewModel model, Runnable onBack) {
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setPadding(new Insets(30));
        Label title = new Label(Messages.t("join.title"));
        title.getStyleClass().add("app-title");
        Label intro = new Label(Messages.t("join.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(640);
        FormGrid form = new FormGrid();
        form.setMaxWidth(640);
        new ServerFields(model.server).addTo(form, null);
        error.setId("joinError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(FormGrid.ERROR_STYLE);
        error.setWrapText(true);
        error.setMaxWidth(560);
        connect.setId("joinConnect");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.busyProperty());
        connect.setOnAction(e -> model.connect());
        Button back = new Button(Messages.t("join.back"));
        back.setId("joinBack");
        back.setOnAction(e -> onBack.run());
        HBox buttons = new HBox(10, back, connect);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(title, intro, form, buttons, error);
    }
}
