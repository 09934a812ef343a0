package org.huyou;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every file the program writes is owner-only (finding 10: a register exported with full ID numbers was readable by
 * every account on the PC). A file is opened for writing only through {@link org.huyou.common.io.PrivateFiles} or
 * into the owner-only partial file {@link org.huyou.common.io.WriteBeside} hands out, or in one of the places listed
 * here with the reason. A new export that calls {@code Files.newOutputStream(out)} on its own fails here.
 */
class PrivateWritesTest {

    /** Class and method that open a file for writing themselves, and why that is owner-only or holds nothing personal. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("org.huyou.common.io.PrivateFiles.newOutputStream", "the one way: 0600 before the first byte"),
            Map.entry("org.huyou.common.io.XlsxWriter.<init>", "writes into the partial file WriteBeside made 0600"),
            Map.entry("org.huyou.common.io.XlsxWriter.finish", "writes into the partial file WriteBeside made 0600"),
            Map.entry("org.huyou.residents.io.ResidentExporter.writeCsv", "into WriteBeside's owner-only partial"),
            Map.entry("org.huyou.security.AuditLog.writeCsv", "into WriteBeside's owner-only partial"),
            Map.entry("org.huyou.documents.DocumentService.export", "into WriteBeside's partial, restricted after"),
            Map.entry("org.huyou.documents.SealedScratch.spool", "ciphertext under a key held only in memory"),
            Map.entry("org.huyou.common.io.ImportTemplates.write", "an empty template: headers, no data"),
            Map.entry("org.huyou.common.io.ImportTemplates.writeWorkbook", "an empty template: headers, no data"),
            Map.entry("org.huyou.app.Preferences.save", "language, theme and font size"),
            Map.entry("org.huyou.app.ServerConnection.save", "in the owner-only data folder, restricted"),
            Map.entry("org.huyou.app.ServerConnection.writeOwnerOnly", "restricted before it is moved in place"),
            Map.entry("org.huyou.backup.RestoreJournal.mark", "the restore's own journal: file names, a user name"),
            Map.entry("org.huyou.security.Keyring.save", "wrapped keys; in the owner-only data folder"),
            Map.entry("org.huyou.security.JournalKeyFolder.writeHead", "a sequence number and a hash"),
            Map.entry("org.huyou.security.JournalKeyFolder.key", "a random key in the owner-only state folder"),
            Map.entry("org.huyou.security.LoginAttempts.append", "failed logins' counters in the owner-only folder"),
            Map.entry(
                    "org.huyou.security.LoginAttempts.replaceWith",
                    "failed logins' counters in the owner-only folder"));

    private static final Set<String> OPENERS =
            Set.of("newOutputStream", "newBufferedWriter", "write", "writeString", "copy", "newByteChannel");

    private static boolean opensForWriting(JavaAccess<?> access) {
        String owner = access.getTargetOwner().getName();
        String name = access.getName();
        if (owner.equals("java.io.FileOutputStream") || owner.equals("java.io.FileWriter")) {
            return name.equals("<init>");
        }
        if (!owner.equals("java.nio.file.Files") || !OPENERS.contains(name)) {
            return false;
        }
        // Files.copy(Path, OutputStream) reads a file; only a copy into a Path writes one
        return !(name.equals("copy")
                && access instanceof JavaMethodCall call
                && call.getTarget().getRawParameterTypes().get(1).getName().equals("java.io.OutputStream"));
    }

    @Test
    void everyFileIsOpenedForWritingOwnerOnly() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huyou");
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        int found = 0;
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith("org.huyou.db.generated")) {
                continue;
            }
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                if (!opensForWriting(access)) {
                    continue;
                }
                found++;
                String where = unit(access);
                if (ALLOWED.containsKey(where)) {
                    used.add(where);
                } else {
                    problems.add(where + " line " + access.getLineNumber() + ": "
                            + access.getTarget().getFullName());
                }
            }
        }
        assertEquals(
                List.of(),
                problems,
                "a file opened for writing outside PrivateFiles/WriteBeside: write it with WriteBeside.write or"
                        + " PrivateFiles.newOutputStream, so it is owner-only");
        assertEquals(new TreeSet<>(ALLOWED.keySet()), used, "an allowed place no longer writes: take it off the list");
        assertTrue(found > 10, "the calls are found (" + found + ")");
    }

    /** "package.Class.method"; a lambda counts as the method it is written in. */
    private static String unit(JavaAccess<?> access) {
        String method = access.getOrigin().getName();
        var m = java.util.regex.Pattern.compile("lambda\\$(.+)\\$\\d+").matcher(method);
        if (m.matches()) {
            method = m.group(1);
        }
        String owner = access.getOriginOwner().getName();
        int nested = owner.indexOf('$');
        return (nested < 0 ? owner : owner.substring(0, nested)) + "." + method;
    }
}
