package org.huyou.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huyou.common.UserFacingException;

/**
 * Where a shared home's PostgreSQL database is: {@code postgresql://host[:port]/name}, as typed in the settings screen
 * or given to {@code --db} (a {@code jdbc:} prefix is accepted too). Holds no credentials.
 */
public record ServerAddress(String host, int port, String database) {

    public static final int DEFAULT_PORT = 5432;
    private static final Pattern FORM = Pattern.compile(
            "(?:jdbc:)?postgres(?:ql)?://(\\[[0-9A-Fa-f:]+]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?/([A-Za-z_][A-Za-z0-9_]{0,62})/?");

    public ServerAddress {
        if (host == null || host.isBlank() || port < 1 || port > 65535 || database == null || database.isBlank()) {
            throw new UserFacingException("server.badAddress", host + ":" + port + "/" + database);
        }
    }

    /** Reads the typed address, or refuses it with a sentence showing the expected form. */
    public static ServerAddress parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UserFacingException("server.badAddress", text == null ? "" : text.strip());
        }
        int port = m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new UserFacingException("server.badAddress", text.strip());
        }
        return new ServerAddress(m.group(1), port, m.group(3));
    }

    public String jdbcUrl() {
        return "jdbc:" + this;
    }

    /** The address as the user types it. */
    @Override
    public String toString() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
