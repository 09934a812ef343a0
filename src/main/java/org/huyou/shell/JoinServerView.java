package org.huyou.shell;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormGrid;

/**
 * First start on another office PC of a home already on a server: the connection IT gave out, tried before it is
 * kept; then the staff log in with their own accounts.
 */
final class JoinServerView extends VBox {

    private final Label error = new Label();
    private final Button connect = new Button(Messages.t("join.connect"));

    JoinServerView(Consumer<Supplier<ServerConnection>> onConnect, Runnable onBack) {
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
        ServerConnectionInput typed = new ServerConnectionInput("", "huyou");
        new ServerFields(typed).addTo(form, null);
        error.setId("joinError");
        error.getStyleClass().add(FormGrid.ERROR_STYLE);
        error.setWrapText(true);
        error.setMaxWidth(560);
        connect.setId("joinConnect");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> {
            error.setText("");
            connect.setDisable(true);
            String a = typed.address.get();
            String u = typed.user.get();
            char[] p = typed.password.get().toCharArray();
            onConnect.accept(() -> ServerConnection.of(a, u, p));
        });
        Button back = new Button(Messages.t("join.back"));
        back.setId("joinBack");
        back.setOnAction(e -> onBack.run());
        HBox buttons = new HBox(10, back, connect);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(title, intro, form, buttons, error);
    }

    void refused(String message) {
        error.setText(message);
        connect.setDisable(false);
    }
}
