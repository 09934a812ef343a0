package org.huyou.shell;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormGrid;

/**
 * Where the home's data is, in the settings: the embedded database on this PC, or a PostgreSQL server. On a server home
 * the administrator can change this PC's connection (a new address or server password from IT): it is tried before it
 * is kept, and the password is kept sealed, never shown again. Part of the settings' View; the state is
 * {@link SettingsViewModel}'s.
 */
final class ServerConnectionForm {

    private ServerConnectionForm() {}

    static Node of(SettingsViewModel model) {
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.database"));
        String server = model.serverAddress();
        Label where = new Label(
                server == null
                        ? Messages.t("settings.databaseEmbedded")
                        : Messages.t("settings.databaseServer", server));
        where.setId("databaseWhere");
        where.setWrapText(true);
        form.field(Messages.t("settings.databaseWhere"), false, where, null);
        if (!model.editsServer()) {
            return form;
        }
        new ServerFields(model.server).addTo(form, null);
        Button save = new Button(Messages.t("settings.serverSave"));
        save.setId("saveServer");
        save.setOnAction(e -> model.saveServer());
        return new VBox(12, form, save);
    }
}
