package org.huyou;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of ARCHITECTURE.md, enforced. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huyou");
    }

    @Test
    void javafxOnlyInUiPackagesAndShell() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("..ui..", "org.huyou.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.kordamp.ikonli.javafx..");
        rule.check(classes);
    }

    @Test
    void jooqOnlyInRepositoriesAndDb() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("org.huyou.db..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .and().haveSimpleNameNotContaining("Repository$")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.huyou.db.generated..");
        rule.check(classes);
    }

    @Test
    void uiNeverTouchesRepositoriesOrTheDatabase() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..ui..", "org.huyou.shell..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.huyou.db..");
        rule.check(classes);
    }

    @Test
    void noSystemOutOrPrintStackTrace() {
        ArchRule rule = noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace");
        rule.check(classes);
    }

    @Test
    void dialogsAndWindowsAreMadeOnlyByTheDialogService() {
        // One place makes them modal to the main window and centred on it (issue 29).
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(
                        org.huyou.common.ui.DialogService.class.getName())
                .should().callConstructorWhere(new DescribedPredicate<JavaConstructorCall>(
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
    void timeIsReadFromTheInjectedClock() {
        // Tests move the app's Clock; a no-argument now() reads the machine's and escapes them. The clock is made once
        // where the app is wired (HuyouApp, HuyouCli) and handed down, so no class needs the exception.
        ArchRule rule = noClasses().should().callMethodWhere(new DescribedPredicate<JavaMethodCall>(
                "a no-argument now() of java.time") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getName().equals("now") && call.getTarget().getRawParameterTypes().isEmpty()
                        && call.getTargetOwner().getPackageName().equals("java.time");
            }
        });
        rule.check(classes);
    }

    @Test
    void noPackageCycles() {
        // The Launcher chooses between window and command line, so it alone may point at both.
        ArchRule rule = slices().matching("org.huyou.(*)..").should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.equivalentTo(org.huyou.app.Launcher.class),
                        DescribedPredicate.alwaysTrue());
        rule.check(classes);
    }
}
