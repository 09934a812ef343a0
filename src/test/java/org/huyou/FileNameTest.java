package org.huyou;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No file is named from user text except through {@link org.huyou.common.io.SafeFileNames} (issue 26): every
 * {@code Path.resolve(String)} and {@code resolveSibling(String)} in the program takes a constant name, or is one of
 * the places listed here with the reason its name is safe. A new export that writes {@code dir.resolve(name + ".pdf")}
 * fails here.
 */
class FileNameTest {

    /** Class and method that resolve a name that is not a constant, and why that name is safe. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry(
                    "org.huyou.common.io.SafeFileNames.child",
                    "the one function (inside, unique): the name is made " + "safe first"),
            Map.entry("org.huyou.common.io.WriteBeside.partial", "a chosen file's own name and \".part\", beside it"),
            Map.entry(
                    "org.huyou.app.ServerConnection.writeOwnerOnly",
                    "the program's own settings files and " + "\".tmp\""),
            Map.entry("org.huyou.app.ServerMigration.switchFolder", "a timestamp of the clock; the home's own files"),
            Map.entry("org.huyou.backup.BackupFolder.named", "the program's word for the kind and the clock's time"),
            Map.entry("org.huyou.backup.DatabaseRestore.replaceDatabase", "a timestamp of the clock"),
            Map.entry("org.huyou.backup.BackupService.lossIfRestored", "\"restore-preview-\" and a random UUID"),
            Map.entry("org.huyou.backup.RestoreJournal.pending", "a name the program wrote into its own journal"),
            Map.entry("org.huyou.backup.RestoreJournal.swap", "names from the program's own journal; the clock"),
            Map.entry("org.huyou.security.JournalKeyFolder.key", "the key file's constant name and the process id"),
            Map.entry("org.huyou.security.JournalKeyFolder.<init>", "a hash of the data folder's path, in hex"),
            Map.entry("org.huyou.security.JournalKeyFolder.writeHead", "the head file's own name and \".tmp\""));

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huyou");
    }

    private static boolean resolvesAName(JavaMethodCall call) {
        var target = call.getTarget();
        return target.getOwner().getName().equals("java.nio.file.Path")
                && (target.getName().equals("resolve") || target.getName().equals("resolveSibling"))
                && target.getRawParameterTypes().size() == 1
                && target.getRawParameterTypes().get(0).getName().equals(String.class.getName());
    }

    @Test
    void everyFileNamedFromDataGoesThroughSafeFileNames() {
        ConstantArguments.Result r =
                new ConstantArguments(classes).check(FileNameTest::resolvesAName, ALLOWED.keySet());
        assertEquals(List.of(), r.problems(), "a file named from data: use SafeFileNames.inside(dir, text, extension)");
        assertEquals(ALLOWED.keySet(), r.allowedUsed(), "an allowed place no longer exists: take it off the list");
        assertTrue(r.checked() > 20, "the calls are found (" + r.checked() + ")");
    }
}
