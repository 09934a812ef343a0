package org.huyou.security;

/**
 * Who is at the keyboard, for the created_by/updated_by columns. Until accounts exist this is the operating
 * system's user; the accounts issue replaces it with the logged-in account.
 */
public final class CurrentUser {

    private volatile String username;

    public CurrentUser(String username) {
        this.username = username;
    }

    public static CurrentUser ofSystemUser() {
        String name = System.getProperty("user.name", "user");
        return new CurrentUser(name.length() > 64 ? name.substring(0, 64) : name);
    }

    public String username() {
        return username;
    }

    public void set(String newUsername) {
        this.username = newUsername;
    }
}
