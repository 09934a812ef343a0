package org.huyou;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.huyou.security.Action;
import org.huyou.security.RequiresPermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of ARCHITECTURE.md, enforced. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huyou");
    }

    @Test
    void javafxOnlyInUiPackagesAndShell() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("..ui..", "org.huyou.shell..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli.javafx..");
        rule.check(classes);
    }

    /**
     * ADR 0014: a ViewModel holds state, checks and commands in JavaFX properties and collections, never a control,
     * so that it is tested without a stage; the View makes the nodes and binds them.
     */
    @Test
    void viewModelsHoldNoNodes() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx.scene..",
                        "javafx.stage..",
                        "org.controlsfx..",
                        "atlantafx..",
                        "org.kordamp.ikonli.javafx..");
        rule.check(classes);
    }

    @Test
    void jooqOnlyInRepositoriesAndDb() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("org.huyou.db..")
                .and(new DescribedPredicate<JavaClass>("not a repository nor a type nested in one") {
                    @Override
                    public boolean test(JavaClass c) {
                        // a nested type's simple name is its own ("SealedColumn"), never "Repository$...": go by its
                        // outermost class, as the rules below do
                        return !topLevel(c).getSimpleName().endsWith("Repository");
                    }
                })
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "org.huyou.db.generated..");
        rule.check(classes);
    }

    /** The class a nested type is declared in, outermost: a repository's row record counts as the repository. */
    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    @Test
    void uiNeverTouchesRepositoriesOrTheDatabase() {
        // By the outermost class, so a type nested in a repository is caught too (a simple name alone missed them).
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..ui..", "org.huyou.shell..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("a repository or a type nested in one") {
                    @Override
                    public boolean test(JavaClass c) {
                        return topLevel(c).getSimpleName().endsWith("Repository");
                    }
                })
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "org.huyou.db..");
        rule.check(classes);
    }

    /**
     * Classes that still speak JDBC themselves: the backup and the file-key rotation run H2's own commands (SCRIPT,
     * RUNSCRIPT, CHANGE_FILE_ENCRYPTION) on a database that is not the app's, and a restore hands that database's
     * connection through HomeAccess to AuditLog to carry its audit rows over (AuditRepository reads them).
     */
    private static final Set<String> JDBC_OUTSIDE_DB = Set.of(
            "org.huyou.backup.BackupService",
            "org.huyou.backup.BackupFile",
            "org.huyou.backup.DatabaseRestore",
            "org.huyou.backup.FileKeyRotation",
            "org.huyou.app.HomeAccess",
            "org.huyou.security.AuditLog");

    @Test
    void javaSqlOnlyInDbAndRepositories() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("org.huyou.db..")
                .and(new DescribedPredicate<JavaClass>("not a repository nor one of the classes listed") {
                    @Override
                    public boolean test(JavaClass c) {
                        JavaClass top = topLevel(c);
                        return !top.getSimpleName().endsWith("Repository") && !JDBC_OUTSIDE_DB.contains(top.getName());
                    }
                })
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..");
        rule.check(classes);
    }

    @Test
    void aFeaturesScreensNeverUseAnotherFeaturesScreens() {
        // common.ui is everyone's and the shell assembles the features. The resident file is one screen that the
        // care and documents features add tabs to: its ResidentFilePart is that contract (FilePartViewModel its state
        // half, one loading and saving for every tab), and
        // the timeline's EntryDocuments is the one the documents feature fills (care cannot know documents).
        ArchRule rule = slices().matching("org.huyou.(*).ui..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage("org.huyou.common.ui.."))
                .ignoreDependency(
                        JavaClass.Predicates.resideInAnyPackage("org.huyou.care.ui..", "org.huyou.documents.ui.."),
                        JavaClass.Predicates.belongToAnyOf(
                                org.huyou.residents.ui.ResidentFilePart.class,
                                org.huyou.residents.ui.FilePartViewModel.class,
                                org.huyou.care.ui.EntryDocuments.class));
        rule.check(classes);
    }

    @Test
    void aFeatureNeverReachesIntoItsOwnIo() {
        // A feature's io reads the feature's records, so the way back would be a cycle: the services are handed their
        // writers where the app is wired (RollWriter, ShiftPapers, DashboardPapers, DonationPapers), or what writes
        // files lives in io beside its writers (the importers, TransitionDocuments).
        ArchRule rule = classes().should(new ArchCondition<JavaClass>("not depend on the io beneath their package") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String io = c.getPackageName() + ".io";
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    if (target.equals(io) || target.startsWith(io + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        });
        rule.check(classes);
    }

    @Test
    void noCyclesInsideAFeature() {
        // Each package its own slice (a feature's root, its io, its ui, its sub-features): noPackageCycles sees a
        // feature as one and misses io <-> service. jOOQ's generated code refers back and forth by design, and the
        // Launcher may point at both window and command line (as in noPackageCycles).
        ArchRule rule = slices().matching("org.huyou.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        JavaClass.Predicates.equivalentTo(org.huyou.app.Launcher.class),
                        DescribedPredicate.alwaysTrue())
                .ignoreDependency(
                        JavaClass.Predicates.resideInAPackage("org.huyou.db.generated.."),
                        DescribedPredicate.alwaysTrue());
        rule.check(classes);
    }

    /** The four parts of {@link org.huyou.security.ServiceContext}, which a service takes together (ADR 0015). */
    private static final Set<String> SERVICE_CONTEXT_PARTS = Set.of(
            org.huyou.db.Transactions.class.getName(),
            org.huyou.security.CurrentUser.class.getName(),
            org.huyou.security.AuditLog.class.getName(),
            java.time.Clock.class.getName());

    @Test
    void servicesTakeTheServiceContextNotItsParts() {
        ArchRule rule = classes()
                .that()
                .haveSimpleNameEndingWith("Service")
                .and()
                .resideOutsideOfPackages("..ui..")
                .and()
                .areNotInterfaces()
                .should(
                        new ArchCondition<JavaClass>(
                                "take one ServiceContext, not the transactions, user, audit, clock") {
                            @Override
                            public void check(JavaClass c, ConditionEvents events) {
                                boolean takesContext = false;
                                for (var ctor : c.getConstructors()) {
                                    for (JavaClass p : ctor.getRawParameterTypes()) {
                                        takesContext |= p.isEquivalentTo(org.huyou.security.ServiceContext.class);
                                        if (SERVICE_CONTEXT_PARTS.contains(p.getName())) {
                                            events.add(SimpleConditionEvent.violated(
                                                    ctor, ctor.getFullName() + " takes " + p.getSimpleName()));
                                        }
                                    }
                                }
                                if (!takesContext) {
                                    events.add(
                                            SimpleConditionEvent.violated(c, c.getName() + " takes no ServiceContext"));
                                }
                            }
                        });
        rule.check(classes);
    }

    /**
     * A class that takes the ServiceContext keeps its parts in {@link org.huyou.security.ServiceBase}, not in fields
     * of its own: thirty constructors once copied the same four fields line for line. One part alone (the user, for
     * a service that only reads) may stay a field.
     */
    @Test
    void servicesHoldTheContextsPartsInServiceBase() {
        ArchRule rule = classes()
                .that()
                .doNotHaveFullyQualifiedName(org.huyou.security.ServiceBase.class.getName())
                .and()
                .doNotHaveFullyQualifiedName("org.huyou.app.AppContext")
                .should(new ArchCondition<JavaClass>("hold at most one part of the ServiceContext as its own field") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean takesContext = c.getConstructors().stream()
                                .anyMatch(ctor -> ctor.getRawParameterTypes().stream()
                                        .anyMatch(p -> p.isEquivalentTo(org.huyou.security.ServiceContext.class)));
                        long parts = c.getFields().stream()
                                .filter(f -> SERVICE_CONTEXT_PARTS.contains(
                                        f.getRawType().getName()))
                                .count();
                        if (takesContext && parts > 1) {
                            events.add(SimpleConditionEvent.violated(
                                    c,
                                    c.getName() + " copies " + parts
                                            + " parts of the ServiceContext: extend ServiceBase"));
                        }
                    }
                });
        rule.check(classes);
    }

    @Test
    void noSystemOutOrPrintStackTrace() {
        ArchRule rule = noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace");
        rule.check(classes);
    }

    @Test
    void dialogsAndWindowsAreMadeOnlyByTheDialogService() {
        // One place makes them modal to the main window and centred on it (issue 29).
        ArchRule rule = noClasses()
                .that()
                .doNotHaveFullyQualifiedName(org.huyou.common.ui.DialogService.class.getName())
                .should()
                .callConstructorWhere(
                        new DescribedPredicate<JavaConstructorCall>(
                                "the constructor of a Dialog, an Alert or a Stage") {
                            @Override
                            public boolean test(JavaConstructorCall call) {
                                return call.getTargetOwner().isAssignableTo(javafx.scene.control.Dialog.class)
                                        || call.getTargetOwner().isAssignableTo(javafx.stage.Stage.class);
                            }
                        });
        rule.check(classes);
    }

    @Test
    void thePdfFontIsParsedOnlyWhereItIsKept() {
        // Parsing the Chinese font was most of a small PDF's time, every document (issue 31): ParsedFonts parses it
        // once and lends it to one document at a time. A font loaded from its file elsewhere would parse it again.
        ArchRule rule = noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.huyou.common.io.ParsedFonts")
                .should()
                .callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("a font file's parser") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        return call.getTargetOwner().getPackageName().equals("org.apache.fontbox.ttf")
                                && call.getTargetOwner()
                                        .getSimpleName()
                                        .matches("TTFParser|OTFParser|TrueTypeCollection");
                    }
                })
                .orShould()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("a PDF font loaded from a file or stream") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().getPackageName().equals("org.apache.pdfbox.pdmodel.font")
                                && call.getName().startsWith("load")
                                && call.getTarget().getRawParameterTypes().stream()
                                        .noneMatch(t -> t.getName().equals("org.apache.fontbox.ttf.TrueTypeFont"));
                    }
                });
        rule.check(classes);
    }

    @Test
    void noDialogButtonTakesTheToolkitsEnglishWords() {
        // ButtonType.OK and its kind say "OK" from the JDK's resources in the PC's language, whatever the app speaks:
        // every button is made with our own words; DialogService alone maps the toolkit's to them.
        ArchRule rule = noClasses()
                .that()
                .doNotHaveFullyQualifiedName(org.huyou.common.ui.DialogService.class.getName())
                .should()
                .accessFieldWhere(
                        new DescribedPredicate<com.tngtech.archunit.core.domain.JavaFieldAccess>(
                                "a ButtonType of the toolkit's own (OK, CANCEL, YES …)") {
                            @Override
                            public boolean test(com.tngtech.archunit.core.domain.JavaFieldAccess access) {
                                return access.getTargetOwner().isEquivalentTo(javafx.scene.control.ButtonType.class);
                            }
                        });
        rule.check(classes);
    }

    @Test
    void timeIsReadFromTheInjectedClock() {
        // Tests move the app's Clock; a no-argument now() reads the machine's and escapes them. The clock is made once
        // where the app is wired (HuyouApp, HuyouCli) and handed down, so no class needs the exception.
        ArchRule rule = noClasses()
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("a no-argument now() of java.time") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getName().equals("now")
                                && call.getTarget().getRawParameterTypes().isEmpty()
                                && call.getTargetOwner().getPackageName().equals("java.time");
                    }
                });
        rule.check(classes);
    }

    /**
     * Classes that still make the system clock themselves: where the app is wired (HuyouApp, HuyouCli), and the
     * overloads without a clock that the start-up and key handling keep for their many callers (issue 30 leaves them:
     * each should take the app's clock).
     */
    private static final Set<String> MAKE_THE_SYSTEM_CLOCK = Set.of(
            "org.huyou.shell.HuyouApp",
            "org.huyou.cli.HuyouCli",
            "org.huyou.app.HomeAccess",
            "org.huyou.security.Keyring");

    @Test
    void theSystemClockIsMadeOnlyWhereTheAppIsWired() {
        ArchRule rule = noClasses()
                .that(new DescribedPredicate<JavaClass>("not one of the classes listed") {
                    @Override
                    public boolean test(JavaClass c) {
                        return !MAKE_THE_SYSTEM_CLOCK.contains(topLevel(c).getName());
                    }
                })
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("Clock.system…()") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().isEquivalentTo(java.time.Clock.class)
                                && call.getName().startsWith("system");
                    }
                });
        rule.check(classes);
    }

    @Test
    void noPackageCycles() {
        // The Launcher chooses between window and command line, so it alone may point at both.
        ArchRule rule = slices().matching("org.huyou.(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        JavaClass.Predicates.equivalentTo(org.huyou.app.Launcher.class),
                        DescribedPredicate.alwaysTrue());
        rule.check(classes);
    }

    /**
     * Approvals that are not a second look at a colleague's work: an open-day booking is a visitor's request, typed
     * in at the desk.
     */
    private static final Set<String> APPROVES_NO_COLLEAGUES_WORK = Set.of("org.huyou.openday.BookingService.approve");

    /** How the records name who submitted them. */
    /**
     * A record prints every component in its toString, so one that carries a password (the setup form, an account
     * file's row, a server connection) says what it prints instead: a log line or a message never shows the password.
     */
    @Test
    void recordsCarryingAPasswordHideItInToString() throws ReflectiveOperationException {
        List<String> printing = new ArrayList<>();
        int seen = 0;
        for (JavaClass c : classes) {
            Class<?> type = c.reflect();
            if (!type.isRecord()
                    || Arrays.stream(type.getRecordComponents())
                            .noneMatch(
                                    rc -> rc.getName().toLowerCase(Locale.ROOT).contains("password"))) {
                continue;
            }
            seen++;
            if (type.getMethod("toString").getDeclaringClass() != type) {
                printing.add(type.getName());
            }
        }
        assertEquals(List.of(), printing, "records whose toString prints the password they carry");
        assertTrue(seen >= 3, "HomeAccess.Setup, AccountFile.Row, ServerConnection: " + seen);
    }

    private static final Pattern SUBMITTER = Pattern.compile("decidedBy|createdBy|requestedBy|submittedBy");

    /**
     * Separation of duties: an approval (a method approve… that needs the APPROVE permission) reads who submitted
     * what it approves, itself or through the classes of the app it calls, so that it can refuse them. A transition
     * plan was approved by whoever had submitted it: its approval never looked.
     */
    @Test
    void everyApprovalReadsWhoSubmittedWhatItApproves() {
        List<String> looked = new ArrayList<>();
        List<String> blind = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaMethod m : c.getMethods()) {
                if (!m.getName().startsWith("approve")
                        || !m.isAnnotatedWith(RequiresPermission.class)
                        || m.getAnnotationOfType(RequiresPermission.class).action() != Action.APPROVE
                        || APPROVES_NO_COLLEAGUES_WORK.contains(c.getName() + "." + m.getName())) {
                    continue;
                }
                (readsSubmitter(m, 3, new HashSet<>()) ? looked : blind).add(c.getName() + "." + m.getName());
            }
        }
        assertEquals(List.of(), blind, "approvals that never read who submitted what they approve");
        assertTrue(looked.size() >= 3, "the transition plan, the care plan, the payment request: " + looked);
    }

    /** Whether the method, its lambdas or what they call in the app (to {@code depth} calls) read a submitter. */
    private static boolean readsSubmitter(JavaMethod m, int depth, Set<JavaMethod> seen) {
        if (!seen.add(m)) {
            return false;
        }
        List<JavaMethod> bodies = new ArrayList<>(List.of(m));
        // a lambda's body is a method of its own (lambda$approve$0), which the method only refers to
        m.getOwner().getMethods().stream()
                .filter(l -> l.getName().startsWith("lambda$" + m.getName() + "$"))
                .forEach(bodies::add);
        for (JavaMethod body : bodies) {
            for (JavaMethodCall call : body.getMethodCallsFromSelf()) {
                if (SUBMITTER.matcher(call.getName()).matches()) {
                    return true;
                }
                if (depth > 0
                        && call.getTargetOwner().getPackageName().startsWith("org.huyou")
                        && call.getTarget().resolveMember().isPresent()
                        && readsSubmitter(call.getTarget().resolveMember().get(), depth - 1, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
