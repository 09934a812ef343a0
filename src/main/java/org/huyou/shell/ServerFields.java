package org.huyou.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormGrid;

/** A PostgreSQL connection's fields: address, server account and password, bound to a {@link ServerConnectionInput}. */
final class ServerFields {

    private final TextField address = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();

    ServerFields(ServerConnectionInput typed) {
        address.setId("serverAddress");
        address.textProperty().bindBidirectional(typed.address);
        address.setPromptText("postgresql://192.168.1.10:5432/huyou");
        user.setId("serverUser");
        user.textProperty().bindBidirectional(typed.user);
        password.setId("serverPassword");
        password.textProperty().bindBidirectional(typed.password);
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
}
