package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huyou.common.UserFacingException;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.Keyring;
import org.huyou.security.LoginAttempts;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login journal: two programs on one data folder share one lockout, and an edit is noticed at the next login. */
class LoginJournalTest {

    @TempDir
    Path dir;

    final char[] wrong = "wrong-password".toCharArray();

    @Test
    void twoKeyringsOnOneFolderCountTogetherAndTheLockHoldsInBoth() throws Exception {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        TestHome.open(dir, clock).close();
        // Each as a program would hold it: loaded once, then used for many tries (the old keyring kept its own copy
        // of the counters and the second writer's save erased the first's).
        Keyring first = Keyring.load(dir);
        Keyring second = Keyring.load(dir);
        assertEquals(new Keyring.WrongPassword(4), attempt(first, false, clock));
        assertEquals(new Keyring.WrongPassword(3), attempt(second, false, clock));
        assertEquals(new Keyring.WrongPassword(2), attempt(first, false, clock));
        // two at the same moment, from two threads: neither increment is lost
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Keyring.Unlock> a = pool.submit(() -> attempt(first, false, clock));
            Future<Keyring.Unlock> b = pool.submit(() -> attempt(second, false, clock));
            List<Keyring.Unlock> both = List.of(a.get(), b.get());
            assertTrue(both.contains(new Keyring.WrongPassword(1)), both.toString());
            assertTrue(both.stream().anyMatch(Keyring.Locked.class::isInstance), both.toString());
        } finally {
            pool.shutdown();
        }
        assertInstanceOf(Keyring.Locked.class, attempt(first, true, clock));
        assertInstanceOf(Keyring.Locked.class, attempt(second, true, clock));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            List<String> actions = actions(ctx);
            assertEquals(5, actions.stream().filter("LOGIN_FAILED"::equals).count(), actions.toString());
            assertEquals(1, actions.stream().filter("ACCOUNT_LOCKED"::equals).count(), actions.toString());
            assertEquals(
                    2, actions.stream().filter("LOGIN_REFUSED_LOCKED"::equals).count(), actions.toString());
            assertTrue(ctx.login().loginJournalAlert().isEmpty(), "an untouched journal raises no alert");
        }
        assertEquals(
                1,
                Files.readAllLines(dir.resolve(LoginAttempts.FILE)).size(),
                "a login hands the events over and leaves one checkpoint");
    }

    @Test
    void twoProcessesOnOneFolderShareTheLock() throws Exception {
        TestHome.open(dir).close();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Dhuyou.keyDir="
                                    + System.getProperty(
                                            "huyou.keyDir", dir.resolve("keys").toString()),
                            WrongTries.class.getName(),
                            dir.toString(),
                            TestHome.ADMIN,
                            "3")
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process p : children) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), output);
        }
        assertEquals(
                "login.locked",
                assertThrows(
                                UserFacingException.class,
                                () -> HomeAccess.login(
                                        dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK))
                        .messageKey(),
                "six wrong tries from two programs lock the account (the lock is at five)");
    }

    /** A second program: {@code n} wrong tries of one account. */
    public static final class WrongTries {
        public static void main(String[] args) {
            Keyring k = Keyring.load(Path.of(args[0]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                attempt(k, false, TestHome.CLOCK);
            }
        }
    }

    @Test
    void editingTheLockLineIsNoticedAtTheNextLoginAuditedAndShownToTheAdministrator() throws Exception {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        TestHome.open(dir, clock).close();
        for (int i = 0; i < 5; i++) {
            assertThrows(UserFacingException.class, () -> HomeAccess.login(dir, TestHome.ADMIN, wrong, clock));
        }
        Path journal = dir.resolve(LoginAttempts.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
        String lock =
                lines.stream().filter(l -> l.contains("\tLOCK\t")).findFirst().orElseThrow();
        // the lock set back to an hour ago: one line, one value edited
        lines.set(lines.indexOf(lock), lock.replace("2026-11-23T02:15:00Z", "2026-11-23T01:00:00Z"));
        Files.write(journal, lines, StandardCharsets.UTF_8);

        // The edit lifted the lock (nothing before login can prevent that) but the login that follows notices it.
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            List<AuditEntry> alerts = ctx.audit().browse(AuditFilter.all(), 100).stream()
                    .filter(e -> e.action().equals("LOGIN_JOURNAL_ALERT"))
                    .toList();
            assertEquals(1, alerts.size(), alerts.toString());
            // stored as the message key and the line's number, shown in the reader's language (it said English)
            String seq = lock.split("\t")[0];
            assertTrue(
                    alerts.get(0).summary().contains("\"loginJournal.problem.lineEdited\",\"args\":[\"" + seq),
                    alerts.toString());
            org.huyou.common.Messages.use(org.huyou.common.Messages.CHINESE);
            String alert = ctx.login().loginJournalAlert().orElseThrow();
            assertEquals(org.huyou.common.Messages.t("loginJournal.problem.lineEdited", seq), alert);
            assertTrue(alert.contains("第 " + seq + " 条被改动过"), alert);
            assertTrue(!alert.matches(".*[A-Za-z]{3,}.*"), "no English sentence in a Chinese diagnostic: " + alert);
            org.huyou.common.Messages.use(org.huyou.common.Messages.ENGLISH);
            try {
                assertTrue(ctx.login().loginJournalAlert().orElseThrow().contains("line no. " + seq + " was edited"));
            } finally {
                org.huyou.common.Messages.use(org.huyou.common.Messages.CHINESE);
            }
            assertTrue(org.huyou.common.Messages.t("login.journalAlert.text", alert)
                    .contains("login-journal.txt"));
            ctx.login().acknowledgeLoginJournalAlert();
            assertTrue(ctx.login().loginJournalAlert().isEmpty());
        }
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            assertTrue(ctx.login().loginJournalAlert().isEmpty(), "reported once, at the login after the edit");
        }
    }

    @Test
    void removingTheLockLineOrPuttingBackAnOlderJournalIsNoticed() throws Exception {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        TestHome.open(dir, clock).close();
        Path journal = dir.resolve(LoginAttempts.FILE);
        byte[] older = Files.readAllBytes(journal);
        for (int i = 0; i < 5; i++) {
            assertThrows(UserFacingException.class, () -> HomeAccess.login(dir, TestHome.ADMIN, wrong, clock));
        }
        // the lock and two failures cut off the end, then another guess: what is left is an intact chain, and the
        // guess's line takes the place of the first line cut
        List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
        assertTrue(lines.get(lines.size() - 1).contains("\tLOCK\t"), lines.toString());
        Files.write(journal, lines.subList(0, lines.size() - 3), StandardCharsets.UTF_8);
        assertThrows(UserFacingException.class, () -> HomeAccess.login(dir, TestHome.ADMIN, wrong, clock));
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            String alert = ctx.login().loginJournalAlert().orElseThrow();
            assertTrue(alert.contains("截掉"), alert);
        }

        // an older copy of the journal put back (from before the last login)
        Files.write(journal, older);
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            List<String> summaries = ctx.audit().browse(AuditFilter.all(), 100).stream()
                    .filter(e -> e.action().equals("LOGIN_JOURNAL_ALERT"))
                    .map(AuditEntry::summary)
                    .toList();
            assertTrue(
                    summaries.stream()
                            .anyMatch(s -> s.contains("loginJournal.problem.cutSinceLogin")
                                    || s.contains("loginJournal.problem.cutHere")),
                    summaries.toString());
        }

        // the journal deleted
        Files.delete(journal);
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            List<String> summaries = ctx.audit().browse(AuditFilter.all(), 100).stream()
                    .filter(e -> e.action().equals("LOGIN_JOURNAL_ALERT"))
                    .map(AuditEntry::summary)
                    .toList();
            assertTrue(
                    summaries.stream()
                            .anyMatch(s -> s.contains("loginJournal.problem.deleted")
                                    || s.contains("loginJournal.problem.replacedSinceLogin")),
                    summaries.toString());
        }
    }

    /**
     * A new home set up where an earlier one was (its folder deleted, started again): no warning that the journal was
     * deleted, which testers read as an attack on a home one minute old.
     */
    @Test
    void aNewHomeWhereAnEarlierOneWasStartsWithoutAJournalWarning() throws Exception {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        TestHome.open(dir, clock).close();
        HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)
                .close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        HomeAccess.setUp(dir, new HomeAccess.Setup("新福利院", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD), clock)
                .context()
                .close();
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            assertTrue(
                    ctx.login().loginJournalAlert().isEmpty(),
                    ctx.login().loginJournalAlert().toString());
            assertTrue(
                    ctx.audit().browse(AuditFilter.all(), 100).stream()
                            .noneMatch(e -> e.action().equals("LOGIN_JOURNAL_ALERT")),
                    "no alert audited");
        }
    }

    /**
     * The administrator's try with the right or a wrong password, as a login makes it: against the wrapped key on a
     * PC's own database, against the account's hash (here: the answer given) on a server.
     */
    static Keyring.Unlock attempt(Keyring k, boolean right, java.time.Clock clock) {
        return k.isServer()
                ? k.unlockOnServer(TestHome.ADMIN, clock.instant(), () -> right)
                : k.unlock(
                        TestHome.ADMIN, (right ? TestHome.PASSWORD : "wrong-password").toCharArray(), clock.instant());
    }

    private static List<String> actions(AppContext ctx) {
        return ctx.audit().browse(AuditFilter.all(), 100).stream()
                .map(AuditEntry::action)
                .toList();
    }
}
