package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huyou.security.AnyUser;
import org.huyou.security.Permission;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.RequiresPermission;
import org.huyou.security.Role;
import org.huyou.security.Session;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role matrix, enforced in the services: every public method of every service the app wires (found through
 * AppContext's accessors, so a new service is covered without editing this test) is called as every role. A method
 * whose permission the role lacks must throw {@link PermissionDeniedException}; one it holds must not. A method with
 * neither {@link RequiresPermission} nor {@link AnyUser} fails the test.
 */
class RoleMatrixTest {

    @TempDir
    Path dir;

    @Test
    void everyServiceMethodChecksItsPermissionForEveryRole() throws Exception {
        try (AppContext ctx = TestHome.open(dir)) {
            Map<Role, Session> sessions = new LinkedHashMap<>();
            for (Role r : Role.values()) {
                sessions.put(r, TestHome.sessionOf(ctx, r));
            }
            Session admin = ctx.currentUser().session().orElseThrow();
            List<String> failures = new ArrayList<>();
            int calls = 0;
            for (Map.Entry<String, Object> service : services(ctx).entrySet()) {
                for (Method m : service.getValue().getClass().getDeclaredMethods()) {
                    if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
                        continue;
                    }
                    String name = service.getKey() + "." + m.getName();
                    RequiresPermission req = m.getAnnotation(RequiresPermission.class);
                    if (req == null && m.getAnnotation(AnyUser.class) == null) {
                        failures.add(name + " declares no permission");
                        continue;
                    }
                    for (Role role : Role.values()) {
                        Session s = sessions.get(role);
                        ctx.currentUser().set(s);
                        boolean denied = invokeIsDenied(service.getValue(), m);
                        calls++;
                        boolean expectDenied = req != null
                                && !s.permissions().contains(new Permission(req.module(), req.action()));
                        if (denied != expectDenied) {
                            failures.add(name + " as " + role + (expectDenied ? " was allowed" : " was refused"));
                        }
                    }
                    ctx.currentUser().clear();
                    if (req != null && !invokeIsDenied(service.getValue(), m)) {
                        failures.add(name + " was allowed with nobody logged in");
                    }
                }
            }
            ctx.currentUser().set(admin);
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
            assertTrue(calls > 300, "calls made: " + calls);
        }
    }

    @Test
    void theDefaultMatrixGivesEachRoleOnlyWhatItNeeds() {
        try (AppContext ctx = TestHome.open(dir)) {
            assertTrue(TestHome.sessionOf(ctx, Role.CAREGIVER).can(
                    org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.VIEW));
            assertTrue(!TestHome.sessionOf(ctx, Role.CAREGIVER).can(
                    org.huyou.security.AppModule.ID_NUMBERS, org.huyou.security.Action.VIEW));
            assertTrue(!TestHome.sessionOf(ctx, Role.FRONT_DESK).can(
                    org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.VIEW));
            // Money and the allowance roll, not the register.
            assertTrue(!TestHome.sessionOf(ctx, Role.FINANCE_OFFICER).can(
                    org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.VIEW));
            assertTrue(TestHome.sessionOf(ctx, Role.FINANCE_OFFICER).can(
                    org.huyou.security.AppModule.ALLOWANCE, org.huyou.security.Action.VIEW));
            assertEquals(true, TestHome.sessionOf(ctx, Role.DIRECTOR).can(
                    org.huyou.security.AppModule.AUDIT, org.huyou.security.Action.EXPORT));
        }
    }

    /** The objects AppContext hands to screens and commands: everything from org.huyou but the plumbing. */
    static Map<String, Object> services(AppContext ctx) throws ReflectiveOperationException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Method getter : AppContext.class.getDeclaredMethods()) {
            Class<?> type = getter.getReturnType();
            if (Modifier.isPublic(getter.getModifiers()) && getter.getParameterCount() == 0
                    && type.getName().startsWith("org.huyou.") && !type.getName().startsWith("org.huyou.app.")
                    && type != org.huyou.security.CurrentUser.class) {
                out.put(type.getSimpleName(), getter.invoke(ctx));
            }
        }
        return out;
    }

    /** Calls with placeholder arguments: the permission check comes before any argument is used. */
    static boolean invokeIsDenied(Object target, Method m) {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i] == int.class ? 5 : types[i] == long.class ? 0L : types[i] == boolean.class ? false
                    : null;
        }
        try {
            m.invoke(target, args);
            return false;
        } catch (InvocationTargetException e) {
            return e.getCause() instanceof PermissionDeniedException
                    || e.getCause() instanceof org.huyou.security.CurrentUser.NotLoggedInException;
        } catch (IllegalAccessException e) {
            fail(e);
            return false;
        }
    }
}
