package org.huyou.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the permission a service method checks first. The role-matrix test calls every public service method
 * as every role and holds the method to what this says; a service method without it (or {@link AnyUser}) fails.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {
    AppModule module();

    Action action();
}
