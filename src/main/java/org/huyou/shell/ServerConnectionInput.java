package org.huyou.shell;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.huyou.app.ServerConnection;

/**
 * A PostgreSQL connection as typed, the state behind {@link ServerFields} wherever a screen asks for one: address,
 * server account and password. Its ViewModel reads it with {@link #connection()}.
 */
final class ServerConnectionInput {

    final StringProperty address = new SimpleStringProperty("");
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");

    ServerConnectionInput(String addressText, String userText) {
        address.set(addressText == null ? "" : addressText);
        user.set(userText == null ? "" : userText);
    }

    /**
     * The connection as typed now: an address not of the form postgresql://host:port/name or a missing account is
     * refused with the sentence naming it ({@code UserFacingException}), before anything is tried.
     */
    ServerConnection connection() {
        return ServerConnection.of(address.get(), user.get(), password.get().toCharArray());
    }

    void clearPassword() {
        password.set("");
    }
}
