package org.huyou.security;

import java.util.Map;

/**
 * The one lookup from a login name to the name people know a colleague by (姓名). Stored actor columns
 * ({@code created_by}, {@code recorded_by}, a goal's owner, the audit log's user) keep the login name, the stable key;
 * every screen, receipt, slip and plan shows it through here. Loaded at login and after an account is created or
 * renamed, so a table cell never waits on the database; a name it does not know (a departed account of an older
 * home, {@code system}, the demo's author) is shown as stored.
 */
public final class Accounts {

    private static volatile Map<String, String> names = Map.of();

    private Accounts() {
    }

    /** The display name of {@code login}, or {@code login} itself when there is none; null stays null. */
    public static String displayName(String login) {
        if (login == null) {
            return null;
        }
        return names.getOrDefault(login, login);
    }

    /** Reads every account's name, inactive ones too: old records keep naming who made them. */
    static void reload(AccountRepository repo) {
        names = Map.copyOf(repo.displayNames());
    }
}
