package org.huyou.shell;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;

/**
 * Where the home's data is, in the settings: the embedded database on this PC, or a PostgreSQL server. On a server home
 * the administrator can change this PC's connection (a new address or server password from IT): it is tried before it
 * is kept, and the password is kept sealed, never shown again.
 */
final class ServerConnectionForm {

    private ServerConnectionForm() {}

    static Node of(AppContext ctx, TaskRunner tasks, DialogService dialogs) {
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.database"));
        String server = ctx.serverAddress();
        Label where = new Label(
                server == null
                        ? Messages.t("settings.databaseEmbedded")
                        : Messages.t("settings.databaseServer", server));
        where.setId("databaseWhere");
        where.setWrapText(true);
        form.field(Messages.t("settings.databaseWhere"), false, where, null);
        if (server == null || !ctx.currentUser().can(AppModule.ACCOUNTS, Action.EDIT)) {
            return form;
        }
        ServerConnectionInput fields = new ServerConnectionInput(server, ctx.serverAccount());
        new ServerFields(fields).addTo(form, null);
        Button save = new Button(Messages.t("settings.serverSave"));
        save.setId("saveServer");
        save.setOnAction(e -> {
            String a = fields.address.get();
            String u = fields.user.get();
            char[] p = fields.password.get().toCharArray();
            tasks.run(
                    () -> {
                        HomeAccess.changeServerConnection(ctx, ServerConnection.of(a, u, p));
                        return true;
                    },
                    ok -> {
                        fields.clearPassword();
                        dialogs.notifySuccess(Messages.t("settings.serverSaved"));
                    },
                    dialogs::showError);
        });
        return new VBox(12, form, save);
    }
}
