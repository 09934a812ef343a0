package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.common.UserFacingException;
import org.huyou.residents.Resident;
import org.huyou.security.AuditFilter;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A home's data gone or half-restored (issue 26): a missing database beside its keyring is never replaced by a new
 * empty one (the user is told and offered the restore), leftovers of an interrupted restore or backup are removed at
 * the next start, and verify-backup's help, README and exit codes agree.
 */
@org.junit.jupiter.api.Tag("embedded-only") // the embedded database file and its folder
class HomeDataFaultsTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = HuyouCli.commandLine(prompt -> TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static void admit(AppContext ctx, int n) {
        for (int i = 0; i < n; i++) {
            ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "数据" + i,
                            null,
                            org.huyou.common.Gender.FEMALE,
                            java.time.LocalDate.of(2015, 3, 7),
                            false,
                            null,
                            null,
                            null,
                            org.huyou.residents.Category.ORPHAN,
                            java.time.LocalDate.of(2020, 1, 10),
                            org.huyou.residents.AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            org.huyou.residents.DisabilityType.NONE,
                            null,
                            org.huyou.residents.Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            null));
        }
    }

    @Test
    void aMissingDatabaseBesideItsKeyringIsRefusedNeverRecreatedAndTheRestoreBringsItBack() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("last.huyou-backup");
        try (AppContext ctx = TestHome.open(home)) {
            admit(ctx, 3);
            ctx.backups().backupTo(backup);
        }
        Path db = home.resolve("huyou.mv.db");
        Files.delete(db);

        UserFacingException e = assertThrows(
                UserFacingException.class,
                () -> HomeAccess.login(home, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK));
        assertEquals("home.databaseMissing", e.messageKey());
        assertTrue(HomeAccess.databaseMissing(home));
        assertFalse(Files.exists(db), "no new empty database");
        for (String command : List.of("verify-audit", "demo", "backup")) {
            List<String> args =
                    new java.util.ArrayList<>(List.of(command, "--data-dir", home.toString(), "-u", "admin"));
            if (command.equals("backup")) {
                args.addAll(List.of("--out", dir.resolve("x.huyou-backup").toString()));
            }
            assertEquals(1, run(args.toArray(String[]::new)), command + ": " + err);
            assertTrue(
                    err.toString().contains("huyou restore")
                            && err.toString().contains(home.toString())
                            && err.toString().lines().count() == 1,
                    err.toString());
            assertFalse(Files.exists(db), command + " made no new database");
        }

        assertEquals(
                0, run("restore", backup.toString(), "--data-dir", home.toString(), "-u", "admin"), err.toString());
        try (AppContext ctx = TestHome.open(home)) {
            assertEquals(3, ctx.residents().countAll());
            assertTrue(ctx.audit().verifyChain().ok());
            assertTrue(ctx.audit().browse(new AuditFilter(null, "RESTORE", null, null, null, null), 20).stream()
                    .anyMatch(a -> "auditSummary.restored".equals(a.summaryKey())
                            && a.summary().contains("last.huyou-backup")));
        }
    }

    @Test
    void leftoversOfAnInterruptedRestoreOrBackupAreRemovedAtTheNextStart() throws Exception {
        Path home = dir.resolve("home");
        TestHome.open(home).close();
        Path unpacked = Files.createDirectories(home.resolve("restore-20261123-100000"));
        Files.write(unpacked.resolve("huyou.mv.db"), new byte[4096]);
        Path backups = Files.createDirectories(home.resolve("backups"));
        Path partBackup = Files.write(backups.resolve("huyou-20261123-100000.huyou-backup.part"), new byte[10]);
        Path partHere = Files.write(home.resolve("export.csv.part"), new byte[10]);
        try (AppContext ctx = TestHome.open(home)) {
            assertTrue(ctx.residents().countAll() >= 0);
        }
        assertFalse(Files.exists(unpacked) || Files.exists(partBackup) || Files.exists(partHere));
    }

    /** verify-backup's --help, README's table and the codes it returns say the same. */
    @Test
    void verifyBackupHelpReadmeAndExitCodesAgree() throws Exception {
        assertEquals(0, run("verify-backup", "--help"));
        Map<Integer, String> help = new LinkedHashMap<>();
        String text = out.toString();
        Matcher m = Pattern.compile("(?m)^\\s+(\\d)\\s+(\\S.*)$").matcher(text.substring(text.indexOf("Exit codes")));
        while (m.find()) {
            help.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        assertEquals(List.of(0, 1, 2), List.copyOf(help.keySet()), text);
        Matcher desc = Pattern.compile("exit (\\d) when it is damaged").matcher(text.replaceAll("\\s+", " "));
        assertTrue(desc.find(), text);
        String readmeRow = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("| `huyou verify-backup"))
                .findFirst()
                .orElseThrow();
        Matcher r = Pattern.compile("exit (\\d) when damaged").matcher(readmeRow);
        assertTrue(r.find(), readmeRow);
        int damagedCode = Integer.parseInt(r.group(1));
        assertEquals(damagedCode, Integer.parseInt(desc.group(1)), "help and README");
        assertTrue(help.get(damagedCode).contains("damaged"), help.toString());
        Matcher refused = Pattern.compile("exit (\\d) when refused").matcher(readmeRow);
        assertTrue(refused.find(), readmeRow);
        int refusedCode = Integer.parseInt(refused.group(1));
        assertTrue(help.get(refusedCode).startsWith("refused"), help.toString());

        Path home = dir.resolve("home");
        Path backup = dir.resolve("b.huyou-backup");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.backups().backupTo(backup);
        }
        String h = home.toString();
        assertEquals(0, run("verify-backup", "--data-dir", h, "-u", "admin", backup.toString()));
        assertTrue(help.get(0).contains("intact"));
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 3] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.huyou-backup"), bytes);
        assertEquals(damagedCode, run("verify-backup", "--data-dir", h, "-u", "admin", damaged.toString()));
        assertEquals(
                refusedCode,
                run(
                        "verify-backup",
                        "--data-dir",
                        h,
                        "-u",
                        "admin",
                        dir.resolve("no-such.huyou-backup").toString()));
        assertTrue(err.toString().contains("no-such.huyou-backup"), err.toString());
    }
}
