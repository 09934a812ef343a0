package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.huyou.care.CareDomain;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineService;
import org.huyou.care.incident.Incident;
import org.huyou.care.incident.IncidentService;
import org.huyou.care.psych.CounsellingSession;
import org.huyou.db.Database;
import org.huyou.security.Keyring;
import org.huyou.security.Role;
import org.huyou.security.SealedText;
import org.huyou.testing.CareStaff;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: counselling notes and incident details are sealed under a second key. A caregiver's password opens the
 * database file (the file key), and with it, outside the app, no sealed text; the roles that may read them do, in the
 * app, through backups and restores too.
 */
@org.junit.jupiter.api.Tag("embedded-only") // a server home has no file key, hence no sealed key (README)
class SealedTextsTest {

    static final String CANARY_NOTE = "canary-counselling-9c41 孩子谈到夜里害怕";
    static final String CANARY_ABUSE = "canary-abuse-5e72 手臂淤青";
    static final String CANARY_ACTION = "canary-action-3b18 已拍照留存";
    static final List<String> CANARIES = List.of(
            CANARY_NOTE,
            CANARY_ABUSE,
            CANARY_ACTION,
            "canary-counselling-9c41",
            "canary-abuse-5e72",
            "canary-action-3b18");
    static final LocalDate DAY = TestHome.TODAY.minusDays(1);

    @TempDir
    Path dir;

    static long writeCanaries(CareStaff home) {
        home.as(Role.PSYCHOLOGIST);
        long session = home.ctx
                .counselling()
                .record(home.child.id(), DAY, CounsellingSession.Kind.INDIVIDUAL, 45, CANARY_NOTE)
                .id();
        home.as(Role.CAREGIVER);
        assertFalse(home.ctx.sealedKey().isOpen(), "a caregiver's session holds no sealed key");
        home.ctx
                .incidents()
                .report(
                        home.child.id(),
                        new IncidentService.Report(
                                DAY,
                                LocalTime.of(16, 30),
                                Incident.Kind.SUSPECTED_ABUSE,
                                Incident.Severity.SERIOUS,
                                "探视室",
                                CANARY_ABUSE,
                                CANARY_ACTION,
                                true,
                                null,
                                null,
                                null));
        return session;
    }

    @Test
    void theFileKeyAloneReadsNoSealedTextAndTheRolesThatMayReadThem() throws Exception {
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            long session = writeCanaries(home);

            home.as(Role.PSYCHOLOGIST);
            assertTrue(home.ctx.sealedKey().isOpen());
            assertEquals(CANARY_NOTE, home.ctx.counselling().openNote(session, "复查上次会谈内容"));
            home.as(Role.SOCIAL_WORKER);
            Incident seen = home.ctx.incidents().incidents(home.child.id()).get(0);
            assertEquals(CANARY_ABUSE, seen.description());
            assertEquals(CANARY_ACTION, seen.actionTaken());
            assertTrue(
                    home
                            .ctx
                            .timeline()
                            .page(home.child.id(), TimelineService.Filter.all(), TimelineCursor.START, 20)
                            .entries()
                            .stream()
                            .anyMatch(e -> e.domain() == CareDomain.INCIDENT
                                    && e.summary().contains(CANARY_ABUSE)),
                    "the timeline opens it for a reader");
            home.as(Role.DIRECTOR);
            assertEquals(
                    CANARY_ABUSE,
                    home.ctx.incidents().incidents(home.child.id()).get(0).description());
            home.as(Role.CAREGIVER);
            assertFalse(home.ctx.sealedKey().isOpen());
            home.ctx.login().logout();
        }

        // Outside the app, with the caregiver's password: the file key opens, the sealed key does not.
        Keyring.Unlock unlock = Keyring.load(dir)
                .unlock(CareStaff.name(Role.CAREGIVER), TestHome.PASSWORD.toCharArray(), TestHome.CLOCK.instant());
        Keyring.Unlocked caregiver = (Keyring.Unlocked) unlock;
        assertNull(caregiver.sealedKey(), "no sealed key is wrapped for a caregiver");
        List<String> hits = scanEveryTextColumn(dir, caregiver.fileKey());
        assertEquals(List.of(), hits);

        byte[] raw = Files.readAllBytes(dir.resolve(Database.FILE_NAME + ".mv.db"));
        for (String canary : CANARIES) {
            assertEquals(-1, EncryptionAtRestTest.indexOf(raw, canary.getBytes(StandardCharsets.UTF_8)));
        }
        String keyring = Files.readString(dir.resolve(Keyring.FILE));
        assertFalse(CANARIES.stream().anyMatch(keyring::contains));
    }

    /** Every text column of every table, and H2's SCRIPT of the whole database, opened with the file key alone. */
    static List<String> scanEveryTextColumn(Path dataDir, byte[] fileKey) throws Exception {
        List<String> hits = new ArrayList<>();
        int columns = 0;
        int sealedSeen = 0;
        try (Connection c = DriverManager.getConnection(Database.h2Url(dataDir), "sa", Database.h2Password(fileKey));
                Statement st = c.createStatement()) {
            List<String[]> textColumns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM "
                    + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND DATA_TYPE IN "
                    + "('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT', 'VARCHAR_IGNORECASE', 'JSON')")) {
                while (rs.next()) {
                    textColumns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] col : textColumns) {
                columns++;
                try (ResultSet rs =
                        st.executeQuery("SELECT \"" + col[2] + "\" FROM \"" + col[0] + "\".\"" + col[1] + "\"")) {
                    while (rs.next()) {
                        String v = rs.getString(1);
                        if (v == null) {
                            continue;
                        }
                        if (SealedText.isSealed(v)) {
                            sealedSeen++;
                        }
                        for (String canary : CANARIES) {
                            if (v.contains(canary)) {
                                hits.add(col[1] + "." + col[2] + " holds " + canary);
                            }
                        }
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SCRIPT")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    for (String canary : CANARIES) {
                        if (line.contains(canary)) {
                            hits.add("SCRIPT holds " + canary);
                        }
                    }
                }
            }
        }
        assertTrue(columns >= 50, "scanned " + columns + " text columns");
        assertTrue(sealedSeen >= 3, "the sealed texts are there, sealed: " + sealedSeen);
        return hits;
    }

    @Test
    void backupAndRestoreKeepTheSealedTextsReadable() throws Exception {
        Path backup = dir.resolve("b.huyou-backup");
        Path home = dir.resolve("home");
        long session;
        long child;
        try (CareStaff staff = new CareStaff(home, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            session = writeCanaries(staff);
            child = staff.child.id();
            staff.as(Role.ADMINISTRATOR);
            staff.ctx.backups().backupTo(backup);
        }
        HomeAccess.restore(TestHome.open(home), backup);
        try (AppContext ctx = HomeAccess.login(
                home, CareStaff.name(Role.PSYCHOLOGIST), TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertEquals(CANARY_NOTE, ctx.counselling().openNote(session, "恢复后核对内容"));
        }
        // a new PC: the backup's keyring comes along with the sealed key's wraps
        // (restored by an administrator: a restore into a new folder asks 备份与恢复·审批; the reader logs in there)
        HomeAccess.restoreIntoNewFolder(
                        dir.resolve("fresh"), backup, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)
                .close();
        try (AppContext ctx = HomeAccess.login(
                dir.resolve("fresh"),
                CareStaff.name(Role.SOCIAL_WORKER),
                TestHome.PASSWORD.toCharArray(),
                TestHome.CLOCK)) {
            assertEquals(CANARY_ABUSE, ctx.incidents().incidents(child).get(0).description());
        }
    }

    @Test
    void anAccountThatLosesTheRolesLosesTheWrapAndAResetByAHolderGivesItBack() throws Exception {
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            String sw = CareStaff.name(Role.SOCIAL_WORKER);
            Keyring keyring = Keyring.load(dir);
            assertTrue(keyring.hasSealedWrap(sw), "made by an administrator who holds the key");
            assertFalse(keyring.hasSealedWrap(CareStaff.name(Role.CAREGIVER)));
            assertFalse(keyring.hasSealedWrap(CareStaff.name(Role.FINANCE_OFFICER)));

            home.as(Role.ADMINISTRATOR);
            var account = home.ctx.accounts().accounts().stream()
                    .filter(a -> a.username().equals(sw))
                    .findFirst()
                    .orElseThrow();
            home.ctx.accounts().update(account.id(), account.displayName(), EnumSet.of(Role.CAREGIVER), true);
            assertFalse(Keyring.load(dir).hasSealedWrap(sw), "a caregiver's password opens no sealed text");
            home.ctx.accounts().update(account.id(), account.displayName(), EnumSet.of(Role.SOCIAL_WORKER), true);
            assertFalse(Keyring.load(dir).hasSealedWrap(sw), "the roles back, but no password to wrap it under");
            home.ctx.accounts().resetPassword(account.id(), "another-horse-27");
            assertTrue(Keyring.load(dir).hasSealedWrap(sw), "the reset by a holder wraps it again");

            home.ctx.accounts().update(account.id(), account.displayName(), EnumSet.of(Role.SOCIAL_WORKER), false);
            assertFalse(Keyring.load(dir).hasSealedWrap(sw), "a deactivated account loses every wrap");
        }
    }

    @Test
    void anOlderHomeGetsItsSealedKeyAtTheFirstReadersLoginAndItsPlainTextsAreSealedThen() throws Exception {
        long session;
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            session = writeCanaries(home);
            home.ctx.login().logout();
        }
        // The home as it was before sealing: no sealed key in the keyring, the texts plain in the database.
        Path keyringFile = dir.resolve(Keyring.FILE);
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(keyringFile, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.stringPropertyNames().stream()
                .filter(n -> n.equals("sealed.public") || n.endsWith(".sealed") || n.endsWith(".sealedCheck"))
                .forEach(p::remove);
        try (var w = Files.newBufferedWriter(keyringFile, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        byte[] fileKey = ((Keyring.Unlocked) Keyring.load(dir)
                        .unlock(TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK.instant()))
                .fileKey();
        try (Connection c = DriverManager.getConnection(Database.h2Url(dir), "sa", Database.h2Password(fileKey));
                Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE counselling_session SET note = 'plain note canary-old-1'");
            st.executeUpdate("UPDATE incident SET description = 'plain detail canary-old-2', action_taken = NULL");
        }

        // A caregiver first: the home still has no sealed key, so what she writes stays plain until a reader comes.
        try (AppContext ctx = HomeAccess.login(
                dir, CareStaff.name(Role.CAREGIVER), TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertFalse(ctx.sealedKey().sealing());
        }
        try (AppContext ctx = HomeAccess.login(
                dir, CareStaff.name(Role.PSYCHOLOGIST), TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen(), "the first reader's login makes the key");
            assertEquals("plain note canary-old-1", ctx.counselling().openNote(session, "核对旧记录内容"));
        }
        try (Connection c = DriverManager.getConnection(Database.h2Url(dir), "sa", Database.h2Password(fileKey));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT note FROM counselling_session UNION ALL " + "SELECT description FROM incident")) {
            while (rs.next()) {
                assertTrue(SealedText.isSealed(rs.getString(1)), "sealed at that login: " + rs.getString(1));
            }
        }
        // The reader's login handed the key to every other eligible account with a key pair, without their
        // passwords: the administrator reads it too; a caregiver is given nothing.
        assertFalse(Keyring.load(dir).hasSealedWrap(CareStaff.name(Role.CAREGIVER)));
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen(), "handed out at the first reader's login");
            assertEquals(
                    "x",
                    ctx.sealedKey()
                            .read(
                                    "counselling_session.note",
                                    SealedText.seal(
                                            Keyring.load(dir).sealedPublicKey(), "counselling_session.note", "x")));
        }
    }

    @Test
    void aPublicKeyReplacedInTheKeyringIsPutBackAtAHoldersLogin() throws Exception {
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            home.ctx.login().logout();
        }
        byte[] right = Keyring.load(dir).sealedPublicKey();
        Path keyringFile = dir.resolve(Keyring.FILE);
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(keyringFile, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.setProperty(
                "sealed.public",
                java.util.HexFormat.of().formatHex(SealedText.publicKeyOf(SealedText.newPrivateKey())));
        try (var w = Files.newBufferedWriter(keyringFile, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        try (AppContext ctx = HomeAccess.login(
                dir, CareStaff.name(Role.SOCIAL_WORKER), TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen());
        }
        byte[] now = Keyring.load(dir).sealedPublicKey();
        assertEquals(
                java.util.HexFormat.of().formatHex(right),
                java.util.HexFormat.of().formatHex(now),
                Files.readString(keyringFile));
    }

    @Test
    void aSealedKeyGivenToAHolderBySomeoneElseIsRefusedAndThePublicHalfSetBack() throws Exception {
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            home.ctx.login().logout();
        }
        String sw = CareStaff.name(Role.SOCIAL_WORKER);
        HomeAccess.login(dir, sw, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)
                .close(); // remembers her key
        byte[] right = Keyring.load(dir).sealedPublicKey();
        // What anyone with the data folder can do: seal a key of their own to her public key, and publish its half.
        byte[] forged = SealedText.newPrivateKey();
        Keyring k = Keyring.load(dir);
        assertTrue(k.grantKey(sw, Keyring.SEALED_KEY, forged));
        k.restoreSealedPublicKey(SealedText.publicKeyOf(forged));
        try (AppContext ctx = HomeAccess.login(dir, sw, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertFalse(ctx.sealedKey().isOpen(), "the forged key is not held");
        }
        assertEquals(
                java.util.HexFormat.of().formatHex(right),
                java.util.HexFormat.of().formatHex(Keyring.load(dir).sealedPublicKey()),
                "new texts are sealed to the home's key again, not to the forger's");
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(
                    ctx.audit().browse(org.huyou.security.AuditFilter.all(), 500).stream()
                            .anyMatch(e -> "auditSummary.sealedKeyMismatch".equals(e.summaryKey())),
                    "on record");
        }
    }

    @Test
    void theRecoveryKeyGivesAnAdministratorTheSealedKeyToo() {
        HomeAccess.NewHome created = HomeAccess.setUp(
                dir,
                new HomeAccess.Setup("滨州市儿童福利院", "山东省滨州市", TestHome.ADMIN, "王管理", TestHome.PASSWORD),
                TestHome.CLOCK);
        created.context().close();
        try (HomeAccess.Recovery r = HomeAccess.startRecovery(dir, null, created.recoveryKey(), TestHome.CLOCK)) {
            r.setPassword(TestHome.ADMIN, "brand-new-horse-44");
        }
        try (AppContext ctx =
                HomeAccess.login(dir, TestHome.ADMIN, "brand-new-horse-44".toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen());
            String newKey = ctx.accounts().newRecoveryKey();
            assertNotNull(newKey);
            assertTrue(Keyring.load(dir).recoveryOpensSealed(), "a new recovery key made by a holder opens them");
        }
    }

    @Test
    void aSealedTextOpensOnlyInItsOwnFieldUnchangedAndUnderItsKey() {
        byte[] key = SealedText.newPrivateKey();
        byte[] pub = SealedText.publicKeyOf(key);
        String sealed = SealedText.seal(pub, "incident.description", "手臂淤青");
        assertTrue(sealed.startsWith("sealed:v1:"));
        assertFalse(sealed.contains("淤青"));
        assertEquals("手臂淤青", SealedText.open(key, "incident.description", sealed));
        assertNull(SealedText.open(key, "counselling_session.note", sealed), "moved to another field");
        assertNull(SealedText.open(SealedText.newPrivateKey(), "incident.description", sealed), "another key");
        char[] chars = sealed.toCharArray();
        chars[40] = chars[40] == 'A' ? 'B' : 'A';
        assertNull(SealedText.open(key, "incident.description", new String(chars)), "a changed byte");
        assertEquals("plain", SealedText.open(key, "incident.description", "plain"), "plain text stays readable");
        assertTrue(!SealedText.seal(pub, "f", "x").equals(SealedText.seal(pub, "f", "x")), "fresh each time");
    }
}
