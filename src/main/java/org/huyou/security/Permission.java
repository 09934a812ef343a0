package org.huyou.security;

/** One cell of the permission matrix: an action on a module. */
public record Permission(AppModule module, Action action) {

    public static Permission of(AppModule module, Action action) {
        return new Permission(module, action);
    }
}
