package org.huyou.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormGrid;

/** A PostgreSQL connection as typed: address, server account and password, wherever a screen asks for one. */
final class ServerFields {

    private final TextField address = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();

    ServerFields(String addressText, String userText) {
        address.setId("serverAddress");
        address.setText(addressText == null ? "" : addressText);
        address.setPromptText("postgresql://192.168.1.10:5432/huyou");
        user.setId("serverUser");
        user.setText(userText == null ? "" : userText);
        password.setId("serverPassword");
    }

    /** Adds the three rows; when {@code shown} is given they appear only while it holds. */
    void addTo(FormGrid form, ObservableBooleanValue shown) {
        form.field(Messages.t("settings.serverAddress"), true, address, null);
        form.field(Messages.t("settings.serverUser"), true, user, null);
        form.field(Messages.t("settings.serverPassword"), true, password, null);
        // the whole row goes, its label too: a label left behind names a field that is not there
        List<Node> nodes = new ArrayList<>();
        for (Node field : List.of(address, user, password)) {
            nodes.add(field);
            nodes.add(form.labelOf(field));
            nodes.addAll(form.getChildren().stream()
                    .filter(n -> GridPane.getRowIndex(n) != null
                            && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(field))
                            && !nodes.contains(n))
                    .toList());
        }
        if (shown != null) {
            nodes.forEach(n -> {
                n.visibleProperty().bind(shown);
                n.managedProperty().bind(shown);
            });
        }
    }

    /**
     * The connection as typed now (read on the FX thread), built when the background task calls it: a malformed
     * address or a missing account is refused there with its sentence.
     */
    Supplier<ServerConnection> typed() {
        String a = address.getText();
        String u = user.getText();
        char[] p = password.getText().toCharArray();
        return () -> ServerConnection.of(a, u, p);
    }

    void clearPassword() {
        password.clear();
    }
}
