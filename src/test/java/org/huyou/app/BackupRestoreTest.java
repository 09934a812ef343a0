package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.huyou.common.UserFacingException;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.residents.Resident;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("embedded-only") // the embedded H2 file itself: its encryption, its backups, its process
class BackupRestoreTest {

    @TempDir
    Path dir;

    /** Row count and a content hash per table: two databases with equal maps hold the same data. */
    static Map<String, String> contentOf(AppContext ctx) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = ctx.database().dataSource().getConnection();
                Statement st = c.createStatement()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                int rows = 0;
                // Each login stores the login journal's head: the login's own bookkeeping, like its audit row;
                // so is the record of the keyring file (a rotation or a restore records the keyring in place).
                String where = t.equals("APP_SETTING")
                        ? " WHERE SETTING_KEY NOT LIKE 'loginJournal.%'"
                                + " AND SETTING_KEY NOT LIKE 'keyring.record.%'"
                        : "";
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"" + where + " ORDER BY 1")) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= cols; i++) {
                            Object v = rs.getObject(i);
                            md.update(String.valueOf(
                                            v instanceof byte[] b
                                                    ? HexFormat.of().formatHex(b)
                                                    : v)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
                out.put(t, rows + ":" + HexFormat.of().formatHex(md.digest()));
            }
        }
        return out;
    }

    @Test
    void backupThenRestoreIntoAFreshFolderGivesIdenticalContent() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("b.huyou-backup");
        Map<String, String> original;
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().load(30, 3);
            ctx.backups().backupTo(backup);
            original = contentOf(ctx);
        }
        assertTrue(original.get("RESIDENT").startsWith("30:"), original.toString());
        try (AppContext restored = HomeAccess.restoreIntoNewFolder(
                dir.resolve("fresh"), backup, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            Map<String, String> copy = contentOf(restored);
            // The restored home logs its own login afterwards; everything else is identical.
            original.remove("AUDIT_LOG");
            copy.remove("AUDIT_LOG");
            original.remove("AUDIT_HEAD");
            copy.remove("AUDIT_HEAD");
            assertEquals(original, copy);
        }
    }

    @Test
    void aFlippedByteIsFoundAndNothingIsReplaced() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("b.huyou-backup");
        Map<String, String> before;
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().load(10, 3);
            ctx.backups().backupTo(backup);
        }
        byte[] bytes = Files.readAllBytes(backup);
        for (int position : new int[] {3, bytes.length / 3, bytes.length - 40, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[position] ^= 0x10;
            Path f = dir.resolve("damaged-" + position + ".huyou-backup");
            Files.write(f, damaged);
            try (AppContext ctx = TestHome.open(home)) {
                assertFalse(ctx.backups().verify(f), "flipped byte at " + position);
                before = contentOf(ctx);
                ctx.residents().countAll();
            }
            AppContext ctx = TestHome.open(home);
            assertThrows(UserFacingException.class, () -> HomeAccess.restore(ctx, f));
            try (AppContext after = TestHome.open(home)) {
                Map<String, String> now = contentOf(after);
                assertEquals(before.get("RESIDENT"), now.get("RESIDENT"));
                assertFalse(Files.exists(home.resolve("replaced")), "nothing was moved aside");
            }
        }
    }

    @Test
    void restoreReplacesAndKeepsTheReplacedDatabase() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("b.huyou-backup");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().load(10, 3);
            ctx.backups().backupTo(backup);
            ctx.residents().create(AuditTrailTest.draft("备份后新增"));
            assertEquals(11, ctx.residents().countAll());
        }
        Path aside = HomeAccess.restore(TestHome.open(home), backup);
        assertTrue(Files.exists(aside));
        try (AppContext ctx = TestHome.open(home)) {
            assertEquals(10, ctx.residents().countAll());
        }
    }

    @Test
    void restoreOfAnOlderBackupKeepsTheAuditEntriesWrittenSince() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("b.huyou-backup");
        java.util.List<org.huyou.security.AuditEntry> since;
        String replacedHead;
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().load(5, 1);
            ctx.backups().backupTo(backup);
            ctx.residents().create(AuditTrailTest.draft("备份后新增"));
            since = ctx.audit().browse(new org.huyou.security.AuditFilter(null, null, null, null, null, null), 3);
            assertEquals("resident", since.get(0).entity(), "the child added after the backup");
        }
        Path aside = HomeAccess.restore(TestHome.open(home), backup);
        try (Connection c = org.huyou.backup.BackupService.openKeptAside(aside, keyOf(home));
                ResultSet rs = c.createStatement().executeQuery("SELECT last_seq, last_hash FROM audit_head")) {
            rs.next();
            replacedHead = rs.getLong(1) + "-" + rs.getString(2);
        }
        try (AppContext ctx = TestHome.open(home)) {
            assertEquals(5, ctx.residents().countAll(), "the data is the backup's");
            var log =
                    ctx.audit().browse(new org.huyou.security.AuditFilter(null, null, null, null, null, null), 10_000);
            for (org.huyou.security.AuditEntry e : since) {
                assertTrue(
                        log.stream()
                                .anyMatch(x -> x.at().equals(e.at())
                                        && x.username().equals(e.username())
                                        && x.action().equals(e.action())
                                        && java.util.Objects.equals(x.entity(), e.entity())
                                        && java.util.Objects.equals(x.entityId(), e.entityId())),
                        "kept: " + e);
            }
            assertTrue(
                    log.stream()
                            .anyMatch(x -> "RESTORE".equals(x.action())
                                    && "auditSummary.restoreBegins".equals(x.summaryKey())),
                    "the restore's start, recorded in the replaced database, is kept too");
            var restoreRow = log.stream()
                    .filter(x -> "RESTORE".equals(x.action()) && "auditSummary.restored".equals(x.summaryKey()))
                    .findFirst()
                    .orElseThrow();
            String shown = org.huyou.security.AuditLabels.summary(restoreRow);
            assertTrue(shown.contains(replacedHead), shown);
            org.huyou.security.AuditVerifier.Result r = ctx.audit().verifyChain();
            assertTrue(r.ok(), r.toString());
            long seq = Long.parseLong(replacedHead.substring(0, replacedHead.indexOf('-')));
            try (Connection c = DirectSql.connect(ctx);
                    java.sql.PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(
                            replacedHead.substring(replacedHead.indexOf('-') + 1),
                            rs.getString(1),
                            "the carried rows took the places and hashes they had: one chain, not two");
                }
            }
        }
    }

    private static byte[] keyOf(Path home) {
        try (AppContext ctx = TestHome.open(home)) {
            return ctx.fileKey();
        }
    }

    /**
     * Backups written by earlier versions, of the demo home with six residents and its care, donations and visits
     * (password {@link TestHome#PASSWORD}): {@code version1} H2's script of it, {@code version2} its file in a zip.
     * Such backups on a home's disk must still restore.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"version1.huyou-backup", "version2.huyou-backup"})
    void backupsOfEarlierFormatsStillRestore(String written) throws Exception {
        Path backup = dir.resolve("old.huyou-backup");
        try (var in = BackupRestoreTest.class.getResourceAsStream(written)) {
            Files.copy(in, backup);
        }
        try (AppContext restored = HomeAccess.restoreIntoNewFolder(
                dir.resolve("fresh"), backup, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertEquals(6, restored.residents().countAll());
            assertTrue(restored.backups().verify(backup));
            TestHome.loginAs(restored, "finance", org.huyou.security.Role.FINANCE_OFFICER);
            var chain = restored.ledger().verify();
            assertTrue(chain.ok() && chain.entries() > 0, "the restored ledger's chain is whole: " + chain);
        }
    }

    @Test
    void automaticBackupsKeepTheNewestAndAreDueDaily() throws Exception {
        var clock = org.huyou.testing.MutableClock.startingAt(TestHome.CLOCK);
        try (AppContext ctx = TestHome.open(dir.resolve("home"), clock)) {
            Path folder = dir.resolve("automatic");
            ctx.backups().configure(folder, 3);
            assertTrue(ctx.backups().dailyBackupDue());
            for (int i = 0; i < 4; i++) {
                ctx.backups().automaticBackup();
                clock.advance(java.time.Duration.ofHours(1));
            }
            assertEquals(3, ctx.backups().list(folder).size());
            // owner-only as written, not only after the next start's check of the data folder
            for (Path backup : ctx.backups().list(folder)) {
                if (org.huyou.common.io.PrivateFiles.posix(backup)) {
                    assertEquals(
                            org.huyou.common.io.PrivateFiles.FILE,
                            java.nio.file.Files.getPosixFilePermissions(backup),
                            backup.toString());
                }
            }
        }
    }

    /**
     * Finding 4: a restore of an older backup took back published money records and gave receipt and record numbers
     * out again. Now the numbers go on from what the replaced database issued, the disclosure published since the
     * backup stays in the register (its period closed), and the ledger's check says what the restore lost.
     */
    @Test
    void restoreOfAnOlderBackupGivesNoNumberTwiceAndKeepsWhatWasPublished() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("b.huyou-backup");
        java.time.LocalDate today = TestHome.TODAY;
        String lostRecordNo;
        String publishedCode;
        try (AppContext ctx = TestHome.open(home)) {
            ctx.accounts()
                    .create(
                            "cw",
                            "财务院长",
                            TestHome.PASSWORD,
                            java.util.EnumSet.of(
                                    org.huyou.security.Role.FINANCE_OFFICER, org.huyou.security.Role.DIRECTOR));
            Resident kept = ctx.residents().create(AuditTrailTest.draft("备份前入院"));
            ctx.login().logout();
            ctx.login().login("cw", TestHome.PASSWORD.toCharArray());
            var ledger = ctx.ledger();
            var donor = ledger.createDonor(new NewDonor(
                    org.huyou.donations.Donor.Kind.ENTERPRISE,
                    "滨州爱心企业",
                    org.huyou.donations.Donor.Naming.FULL,
                    null,
                    null,
                    null,
                    null));
            long fund = ledger.funds().get(0).id();
            for (int day : new int[] {25, 24}) {
                donate(ledger, donor.id(), fund, today.minusDays(day));
            }
            ctx.backups().backupTo(backup);
            assertEquals("2026-000003", donate(ledger, donor.id(), fund, today.minusDays(20)));
            assertEquals("2026-000004", donate(ledger, donor.id(), fund, today.minusDays(19)));
            publishedCode = ctx.disclosures()
                    .export(today.minusDays(30), today.minusDays(10), dir.resolve("out"))
                    .disclosure()
                    .verificationCode();
            ctx.login().logout();
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
            lostRecordNo = ctx.residents().create(TestHome.boyDraft()).recordNo();
            assertTrue(lostRecordNo.compareTo(kept.recordNo()) > 0, lostRecordNo);
        }
        HomeAccess.restore(TestHome.open(home), backup);
        try (AppContext ctx = TestHome.open(home)) {
            String again = ctx.residents().create(TestHome.boyDraft()).recordNo();
            assertTrue(again.compareTo(lostRecordNo) > 0, again + " after " + lostRecordNo + ", never it again");
            ctx.login().logout();
            ctx.login().login("cw", TestHome.PASSWORD.toCharArray());
            var ledger = ctx.ledger();
            long donor = ledger.donors("滨州", 5).get(0).id();
            long fund = ledger.funds().get(0).id();
            assertEquals(
                    "2026-000005",
                    donate(ledger, donor, fund, today.minusDays(5)),
                    "receipts 3 and 4 were given out before the restore: never again");
            assertThrows(
                    UserFacingException.class,
                    () -> donate(ledger, donor, fund, today.minusDays(15)),
                    "the published period stays closed");
            var published = ctx.disclosures().published();
            assertEquals(1, published.size(), published.toString());
            assertEquals(publishedCode, published.get(0).verificationCode());
            var check = ledger.verify();
            assertFalse(check.ok(), "the published entries the restore lost are named, not \"intact\": " + check);
            var log = ctx.audit().browse(new org.huyou.security.AuditFilter(null, null, null, null, null, null), 500);
            assertTrue(
                    log.stream().anyMatch(e -> "auditSummary.restoreDisclosurePutBack".equals(e.summaryKey())),
                    "the put-back is on record");
        }
    }

    private static String donate(
            org.huyou.donations.LedgerService ledger, long donor, long fund, java.time.LocalDate date) {
        return ledger.recordDonation(
                        donor,
                        fund,
                        date,
                        new java.math.BigDecimal("100.00"),
                        org.huyou.donations.LedgerEntry.Channel.BANK_TRANSFER,
                        null)
                .receiptNo();
    }
}
