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
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineSource;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
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
            java.util.Set<String> anyUser = new java.util.HashSet<>();
            int calls = 0;
            for (Map.Entry<String, Object> service : services(ctx).entrySet()) {
                for (Method m : ownMethods(service.getValue().getClass())) {
                    if (!Modifier.isPublic(m.getModifiers())
                            || Modifier.isStatic(m.getModifiers())
                            || m.isSynthetic()) {
                        continue;
                    }
                    String name = service.getKey() + "." + m.getName();
                    RequiresPermission req = m.getAnnotation(RequiresPermission.class);
                    if (req == null && m.getAnnotation(AnyUser.class) == null) {
                        failures.add(name + " declares no permission");
                        continue;
                    }
                    if (req == null) {
                        anyUser.add(name);
                        if (!ANY_USER.containsKey(name)) {
                            failures.add(name + " is @AnyUser but not in ANY_USER: check a permission, make it not "
                                    + "public, or add it there with the reason anyone may call it");
                        }
                    }
                    for (Role role : Role.values()) {
                        Session s = sessions.get(role);
                        ctx.currentUser().set(s);
                        boolean denied = invokeIsDenied(service.getValue(), m);
                        calls++;
                        boolean expectDenied =
                                req != null && !s.permissions().contains(new Permission(req.module(), req.action()));
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
            ANY_USER.keySet().stream()
                    .filter(n -> !anyUser.contains(n))
                    .forEach(n -> failures.add(n + " is in ANY_USER but no longer an @AnyUser service method"));
            calls += checkSources(ctx, services(ctx), sessions, admin, failures);
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
            assertTrue(calls > 300, "calls made: " + calls);
        }
    }

    @Test
    void theDefaultMatrixGivesEachRoleOnlyWhatItNeeds() {
        try (AppContext ctx = TestHome.open(dir)) {
            assertTrue(TestHome.sessionOf(ctx, Role.CAREGIVER)
                    .can(org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.VIEW));
            assertTrue(!TestHome.sessionOf(ctx, Role.CAREGIVER)
                    .can(org.huyou.security.AppModule.ID_NUMBERS, org.huyou.security.Action.VIEW));
            assertTrue(!TestHome.sessionOf(ctx, Role.FRONT_DESK)
                    .can(org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.VIEW));
            // Money and the allowance roll, not the register.
            assertTrue(!TestHome.sessionOf(ctx, Role.FINANCE_OFFICER)
                    .can(org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.VIEW));
            assertTrue(TestHome.sessionOf(ctx, Role.FINANCE_OFFICER)
                    .can(org.huyou.security.AppModule.ALLOWANCE, org.huyou.security.Action.VIEW));
            assertEquals(
                    true,
                    TestHome.sessionOf(ctx, Role.DIRECTOR)
                            .can(org.huyou.security.AppModule.AUDIT, org.huyou.security.Action.EXPORT));
        }
    }

    private static final String SOURCE = "wiring: the source checks the viewer itself (checkSources)";

    /**
     * The service methods anyone may call, each with the reason. A new {@code @AnyUser} method fails the matrix until
     * it is added here, so "no permission needed" is a decision someone reviewed, not a way around the check.
     */
    static final Map<String, String> ANY_USER = Map.ofEntries(
            Map.entry("AuditLog.record", "services write the audit row of their own change, in its transaction"),
            Map.entry("AuditLog.recordAll", "an import writes the audit rows of its own rows, in its transaction"),
            Map.entry("AuditLog.carryOver", "a restore carries the replaced database's later rows over"),
            Map.entry("AuditLog.recordAllNow", "an import in chunks writes each chunk's audit rows with the chunk"),
            Map.entry("AuditLog.sealedHead", "an import in chunks notes where the chain stood before it"),
            Map.entry(
                    "AuditLog.dropUnfinishedImport",
                    "an import cut off takes back its own rows only (its user's, of residents and living groups)"),
            Map.entry("AuditLog.recordBySystem", "the program's own row at a start: an unfinished import taken back"),
            Map.entry("ResidentService.undoUnfinishedImports", "runs at every start, before anyone logs in"),
            Map.entry(
                    "BackupService.carryIssued",
                    "a restore carries the replaced database's issued numbers and published disclosures over"),
            Map.entry(
                    "AuditLog.recorded",
                    "whether an interrupted restore already wrote its row: a yes or no, no content"),
            Map.entry(
                    "AccountService.fileKeyRotationDue",
                    "whether a key change is owed: the program does it for whoever logs in"),
            Map.entry("LoginService.loginJournalAlert", "empty for all but administrators, who are shown it"),
            Map.entry("LoginService.acknowledgeLoginJournalAlert", "does something only for an administrator"),
            Map.entry("AuditLog.verifyAtLogin", "the chain check every login runs, its result shown only to auditors"),
            Map.entry(
                    "ResidentImporter.labels", "the import screen's title, template name and done sentence: constants"),
            Map.entry(
                    "VolunteerImporter.labels",
                    "the import screen's title, template name and done sentence: constants"),
            Map.entry(
                    "AccountImporter.labels", "the import screen's title, template name and done sentence: constants"),
            Map.entry("DonorImporter.labels", "the import screen's title, template name and done sentence: constants"),
            Map.entry(
                    "DonationHistoryImporter.labels",
                    "the import screen's title, template name and done sentence: constants"),
            Map.entry(
                    "OpeningBalanceImporter.labels",
                    "the import screen's title, template name and done sentence: constants"),
            Map.entry("AccountService.staff", "display names of colleagues, for pickers; needs a login"),
            Map.entry("AccountService.createFirstAdministrator", "first start only: refuses once any account exists"),
            Map.entry("AccountService.changeOwnPassword", "one's own password, with the current one"),
            Map.entry("AccountService.administratorsForRecovery", "needs the recovery key's proof"),
            Map.entry("AccountService.resetByRecovery", "needs the recovery key's proof"),
            Map.entry("AccountService.idleLockMinutes", "the lock timer runs for everyone"),
            Map.entry("LoginService.login", "the way in"),
            Map.entry("LoginService.completeLogin", "after the password or the keyring's proof"),
            Map.entry("LoginService.lock", "ends one's own session"),
            Map.entry("LoginService.logout", "ends one's own session"),
            Map.entry("LoginService.endSession", "ends one's own session"),
            Map.entry("LoginService.recordEnd", "the audit row of a session that ended"),
            Map.entry("ResidentService.today", "the clock"),
            Map.entry("ReminderService.today", "the clock"),
            Map.entry("ResidentService.seesFullIdNumbers", "asks about the caller's own permission"),
            Map.entry("ResidentService.check", "validates the record passed in; reads nothing"),
            Map.entry("VisitService.removeExpiredPersonalDataAutomatically", "the retention rule every login applies"),
            Map.entry("CarePlanService.selfApprovalAllowed", "a home setting the plan screen shows"),
            Map.entry("PsychologyService.instruments", "the shipped questionnaires, public documents"),
            Map.entry("PsychologyService.instrument", "the shipped questionnaires, public documents"),
            Map.entry("PsychologyService.describe", "scores the answers passed in; reads nothing"),
            Map.entry("FormularyService.classes", "the shipped drug classes, reference data"),
            Map.entry("BackupService.defaultFolder", "a path"),
            Map.entry("BackupService.folder", "the configured folder"),
            Map.entry("BackupService.keep", "the configured count"),
            Map.entry("BackupService.available", "whether the home is embedded"),
            Map.entry("BackupService.dailyBackupDue", "the configured folder's newest date"),
            Map.entry("BackupService.list", "backup file names, for the restore offered before any login"),
            Map.entry("BackupService.automaticBackup", "the program's duty, to the configured folder and count only"),
            Map.entry("GrowthService.timelineSource", SOURCE),
            Map.entry("GrowthService.reminderSource", SOURCE),
            Map.entry("EducationService.timelineSources", SOURCE),
            Map.entry("EducationService.reminderSource", SOURCE),
            Map.entry("CarePlanService.timelineSources", SOURCE),
            Map.entry("CarePlanService.reminderSources", SOURCE),
            Map.entry("IncidentService.timelineSource", SOURCE),
            Map.entry("IncidentService.reminderSource", SOURCE),
            Map.entry("RehabService.timelineSources", SOURCE),
            Map.entry("RehabService.reminderSource", SOURCE),
            Map.entry("DailyCareService.timelineSource", SOURCE),
            Map.entry("PsychologyService.timelineSources", SOURCE),
            Map.entry("PsychologyService.reminderSource", SOURCE),
            Map.entry("CounsellingService.timelineSource", SOURCE),
            Map.entry("AllergyService.timelineSource", SOURCE),
            Map.entry("MedicalRecordService.timelineSource", SOURCE),
            Map.entry("MedicalRecordService.reminderSource", SOURCE),
            Map.entry("MedicationService.reminderSource", SOURCE),
            Map.entry("DocumentService.reminderSource", SOURCE));

    /**
     * The timeline and reminder sources the services hand out for the wiring give no more than the timeline and the
     * reminders screen would: each source, called directly as every role and as nobody, refuses whom they would not
     * show it to (a sealed source shows the rest of the register only that an entry exists).
     */
    static int checkSources(
            AppContext ctx,
            Map<String, Object> services,
            Map<Role, Session> sessions,
            Session admin,
            List<String> failures)
            throws ReflectiveOperationException {
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            for (Method m : service.getValue().getClass().getDeclaredMethods()) {
                String type = m.getGenericReturnType().getTypeName();
                if (Modifier.isPublic(m.getModifiers())
                        && m.getParameterCount() == 0
                        && !Modifier.isStatic(m.getModifiers())
                        && m.getAnnotation(AnyUser.class) != null
                        && (type.contains(TimelineSource.class.getName())
                                || type.contains(ReminderSource.class.getName()))) {
                    ctx.currentUser().set(admin);
                    Object got = m.invoke(service.getValue());
                    List<?> each = got instanceof List<?> l ? l : List.of(got == null ? "" : got);
                    for (int i = 0; i < each.size(); i++) {
                        if (each.get(i) instanceof TimelineSource || each.get(i) instanceof ReminderSource) {
                            sources.put(service.getKey() + "." + m.getName() + "[" + i + "]", each.get(i));
                        }
                    }
                }
            }
        }
        int calls = 0;
        for (Map.Entry<String, Object> source : sources.entrySet()) {
            for (Role role : Role.values()) {
                Session s = sessions.get(role);
                ctx.currentUser().set(s);
                boolean expectDenied;
                Runnable call;
                if (source.getValue() instanceof TimelineSource t) {
                    expectDenied = !s.permissions().contains(new Permission(AppModule.RESIDENTS, Action.VIEW))
                            || !t.sealed() && !s.permissions().contains(new Permission(t.module(), Action.VIEW));
                    call = () -> t.page(0L, TimelineCursor.START.forSource(0), null, null, 5);
                } else {
                    ReminderSource r = (ReminderSource) source.getValue();
                    expectDenied = !s.permissions().contains(new Permission(r.module(), r.requiredAction()));
                    call = () -> r.due(TestHome.TODAY);
                }
                boolean denied = isDenied(call);
                calls++;
                if (denied != expectDenied) {
                    failures.add(source.getKey() + " as " + role + (expectDenied ? " was allowed" : " was refused"));
                }
            }
            ctx.currentUser().clear();
            Object v = source.getValue();
            if (!isDenied(
                    v instanceof TimelineSource t
                            ? () -> t.page(0L, TimelineCursor.START.forSource(0), null, null, 5)
                            : () -> ((ReminderSource) v).due(TestHome.TODAY))) {
                failures.add(source.getKey() + " was allowed with nobody logged in");
            }
        }
        ctx.currentUser().set(admin);
        if (sources.size() < 20) {
            failures.add("only " + sources.size() + " timeline and reminder sources found");
        }
        return calls;
    }

    /**
     * The methods a service declares and those it inherits from the program's own base classes (the donation
     * importers share theirs), so that a permission checked in a base class is still called as every role.
     */
    private static List<Method> ownMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c.getName().startsWith("org.huyou."); c = c.getSuperclass()) {
            methods.addAll(List.of(c.getDeclaredMethods()));
        }
        return methods;
    }

    private static boolean isDenied(Runnable call) {
        try {
            call.run();
            return false;
        } catch (PermissionDeniedException | org.huyou.security.CurrentUser.NotLoggedInException e) {
            return true;
        }
    }

    /**
     * Every service class of the program (a {@code *Service} outside the screens) is one the matrix above reaches
     * through AppContext: a service wired some other way would escape it.
     */
    @Test
    void everyServiceClassIsReachedByTheMatrix() throws Exception {
        com.tngtech.archunit.core.domain.JavaClasses classes =
                new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .withImportOption(
                                com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.huyou");
        try (AppContext ctx = TestHome.open(dir)) {
            java.util.Set<String> reached = new java.util.HashSet<>();
            services(ctx).values().forEach(o -> reached.add(o.getClass().getName()));
            List<String> missed = classes.stream()
                    .filter(c -> c.getSimpleName().endsWith("Service")
                            && !c.getPackageName().contains(".ui")
                            && !c.isInterface()
                            && c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                    .map(com.tngtech.archunit.core.domain.JavaClass::getName)
                    .filter(n -> !reached.contains(n))
                    .sorted()
                    .toList();
            assertTrue(missed.isEmpty(), "services the role matrix does not reach: " + missed);
            assertTrue(reached.size() > 25, "reached: " + reached);
        }
    }

    /** The objects AppContext hands to screens and commands: everything from org.huyou but the plumbing. */
    static Map<String, Object> services(AppContext ctx) throws ReflectiveOperationException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Method getter : AppContext.class.getDeclaredMethods()) {
            Class<?> type = getter.getReturnType();
            if (Modifier.isPublic(getter.getModifiers())
                    && getter.getParameterCount() == 0
                    && type.getName().startsWith("org.huyou.")
                    && !type.getName().startsWith("org.huyou.app.")
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
            args[i] =
                    types[i] == int.class ? 5 : types[i] == long.class ? 0L : types[i] == boolean.class ? false : null;
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
