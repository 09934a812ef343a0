package org.huyou.security;

import java.util.Set;

/** A logged-in user: who, with which roles, and what those roles may do (the matrix read at login). */
public record Session(
        long accountId, String username, String displayName, Set<Role> roles, Set<Permission> permissions) {

    public Session {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean can(AppModule module, Action action) {
        return permissions.contains(new Permission(module, action));
    }
}
