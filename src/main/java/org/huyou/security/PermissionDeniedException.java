package org.huyou.security;

import org.huyou.common.UserFacingException;

/** A service was called by a user without the permission it needs, whatever the screen showed. */
public class PermissionDeniedException extends UserFacingException {

    private final transient Permission permission;

    public PermissionDeniedException(Permission permission) {
        super(
                "error.permissionDenied",
                permission.module().label(),
                permission.action().label());
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
