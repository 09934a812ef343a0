package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huyou.app.AppContext;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user runs it: real data folder, real files, exit codes and printed reports. */
@org.junit.jupiter.api.Tag("embedded-only") // the commands set up and open embedded homes (the PostgreSQL ones: ServerCliTest)
class HuyouCliTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = HuyouCli.commandLine(prompt -> TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    void init(Path data) {
        assertEquals(0, run("init", "--data-dir", data.toString(), "--home", "测试福利院", "--admin", TestHome.ADMIN));
    }

    @Test
    void initPrintsTheRecoveryKeyOnceAndCommandsNeedAUser() {
        Path data = dir.resolve("home");
        init(data);
        assertTrue(out.toString().matches("(?s).*恢复密钥： [A-Z2-9]{4}(-[A-Z2-9]{4}){7}.*"), out.toString());
        assertEquals(1, run("demo", "--data-dir", data.toString()), "a user's mistake exits 1");
        assertTrue(err.toString().contains("--user"), err.toString());
        assertEquals(1, run("init", "--data-dir", data.toString(), "--home", "x", "--admin", "admin"));
        assertEquals(1, run("demo", "--data-dir", data.toString(), "--no-such-option"), "so does a mistyped option");
    }

    @Test
    void demoThenExportThenImportIntoAnotherHome() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        assertEquals(0, run("--data-dir", data.toString(), "-u", "admin", "demo"));
        assertTrue(out.toString().contains("72"), out.toString());
        assertEquals(1, run("demo", "--data-dir", data.toString(), "--user", "admin"), "a second demo is refused");
        assertTrue(err.toString().contains("示例数据只能载入空数据库"), err.toString());

        Path csv = dir.resolve("register.csv");
        assertEquals(0, run("export-residents", "--data-dir", data.toString(), "-u", "admin", "--out", csv.toString(),
                "--full-id-numbers"));
        assertEquals(73, Files.readAllLines(csv, StandardCharsets.UTF_8).size());

        Path other = dir.resolve("other");
        init(other);
        assertEquals(0, run("import-residents", "--data-dir", other.toString(), "-u", "admin", csv.toString()));
        try (AppContext ctx = TestHome.open(other)) {
            assertEquals(72, ctx.residents().countAll());
        }
    }

    @Test
    void theDirectorWritesADisclosureAndVerifiesTheLedgerFromTheCommandLine() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts().create("yz", "院长", TestHome.PASSWORD, java.util.EnumSet.of(
                    org.huyou.security.Role.DIRECTOR));
            ctx.login().logout();
            ctx.login().login("yz", TestHome.PASSWORD.toCharArray());
            var donor = ctx.ledger().createDonor(org.huyou.donations.Donor.Kind.ENTERPRISE, "爱心企业",
                    org.huyou.donations.Donor.Naming.FULL, null, null, null, null);
            ctx.ledger().recordDonation(donor.id(), ctx.ledger().funds().get(0).id(), TestHome.TODAY.minusDays(3),
                    new java.math.BigDecimal("1234.56"), org.huyou.donations.LedgerEntry.Channel.BANK_TRANSFER, null);
        }
        assertEquals(0, run("verify-ledger", "--data-dir", data.toString(), "-u", "yz"));
        assertTrue(out.toString().contains("共 1 条分录"), out.toString());
        Path outDir = dir.resolve("gongshi");
        assertEquals(0, run("disclosure", "--data-dir", data.toString(), "-u", "yz", "--from",
                TestHome.TODAY.withDayOfMonth(1).toString(), "--to", TestHome.TODAY.toString(), "--out",
                outDir.toString()));
        assertTrue(out.toString().contains("本期收入 1234.56 元"), out.toString());
        assertTrue(out.toString().contains("校验码：1-"), out.toString());
        try (var files = Files.list(outDir)) {
            assertEquals(2, files.count(), "the XLSX and the PDF");
        }
        assertTrue(run("disclosure", "--data-dir", data.toString(), "-u", "admin", "--from", "2026-01-01", "--to",
                "2026-03-31", "--out", outDir.toString()) != 0, "the administrator may not export donations");
    }

    @Test
    void theFinanceOfficerWritesTheMonthsAllowanceRoll() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        assertEquals(0, run("--data-dir", data.toString(), "-u", "admin", "demo"));
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts().create("cw", "会计", TestHome.PASSWORD, java.util.EnumSet.of(
                    org.huyou.security.Role.FINANCE_OFFICER));
        }
        Path xlsx = dir.resolve("roll.xlsx");
        assertEquals(0, run("allowance-roll", "--data-dir", data.toString(), "-u", "cw", "--month", "2026-10",
                "--out", xlsx.toString()));
        assertTrue(Files.size(xlsx) > 0);
        assertTrue(out.toString().contains("集中供养孤儿：") && out.toString().matches("(?s).*合计：\\d+ 人，[\\d.]+ 元.*"),
                out.toString());
        assertTrue(run("allowance-roll", "--data-dir", data.toString(), "-u", "cw", "--month", "2026-13", "--out",
                xlsx.toString()) != 0);
        assertTrue(err.toString().contains("YYYY-MM"), err.toString());
    }

    @Test
    void openDaySessionsPrintOneLinePerSessionStartingWithItsDate() {
        Path data = dir.resolve("home");
        init(data);
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts().create("qt", "前台", TestHome.PASSWORD, java.util.EnumSet.of(
                    org.huyou.security.Role.FRONT_DESK));
            ctx.login().logout();
            ctx.login().login("qt", TestHome.PASSWORD.toCharArray());
            var d = org.huyou.openday.OpenDayRule.DEFAULT;
            ctx.openDay().setRule(new org.huyou.openday.OpenDayRule(d.weekOfMonth(), d.dayOfWeek(), d.slots(), 40,
                    java.util.Set.of(java.time.LocalDate.of(2027, 2, 13)), java.util.Set.of()));
        }
        assertEquals(0, run("openday-sessions", "--year", "2027", "--data-dir", data.toString(), "-u", "qt"));
        var lines = out.toString().lines().filter(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .*")).toList();
        assertEquals(11, lines.size(), "twelve second Saturdays less the Spring Festival blackout: " + out);
        assertTrue(lines.get(0).startsWith("2027-01-09 09:00-11:00 14:30-16:30 40"), lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("2027-02-13")));
    }

    @Test
    void importWithABadRowPrintsTheReportAndExitsNonZero() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, String.join("\n", org.huyou.residents.io.ResidentImportTest.HEADER,
                org.huyou.residents.io.ResidentImportTest.GOOD_1, org.huyou.residents.io.ResidentImportTest.BAD_ID));
        Path data = dir.resolve("home");
        init(data);
        assertEquals(1, run("import-residents", "--data-dir", data.toString(), "-u", "admin", f.toString()));
        assertTrue(err.toString().contains("第 3 行，身份证号"), err.toString());
        try (AppContext ctx = TestHome.open(data)) {
            assertEquals(0, ctx.residents().countAll());
        }
    }

    @Test
    void unreadableFileIsAClearMessage() {
        init(dir);
        assertEquals(1, run("import-residents", "--data-dir", dir.toString(), "-u", "admin",
                dir.resolve("nope.xlsx").toString()));
        assertTrue(err.toString().contains("无法读取文件"), err.toString());
    }

    @Test
    void backupVerifyAndRestoreFromTheCommandLine() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        assertEquals(0, run("demo", "--data-dir", data.toString(), "-u", "admin", "--residents", "12"));
        Path backup = dir.resolve("b.huyou-backup");
        assertEquals(0, run("backup", "--data-dir", data.toString(), "-u", "admin", "--out", backup.toString()));
        assertEquals(0, run("verify-backup", "--data-dir", data.toString(), "-u", "admin", backup.toString()));

        Path damaged = dir.resolve("damaged.huyou-backup");
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 1;
        Files.write(damaged, bytes);
        assertEquals(2, run("verify-backup", "--data-dir", data.toString(), "-u", "admin", damaged.toString()),
                "damaged data exits 2");
        assertEquals(2, run("restore", "--data-dir", data.toString(), "-u", "admin", damaged.toString()));
        err.getBuffer().setLength(0);
        assertEquals(2, run("verify-backup", "--json", "--data-dir", data.toString(), "-u", "admin",
                damaged.toString()));
        assertTrue(err.toString().strip().matches("\\{\"ok\":false,\"exitCode\":2,\"error\":\".*\"}"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify-backup", "--json", "--data-dir", data.toString(), "-u", "admin",
                backup.toString()));
        assertTrue(out.toString().strip().matches("\\{\"ok\":true,\"(file|intact)\":.*}"), out.toString());

        Path fresh = dir.resolve("fresh");
        assertEquals(0, run("restore", "--data-dir", fresh.toString(), "-u", "admin", backup.toString()));
        try (AppContext ctx = TestHome.open(fresh)) {
            assertEquals(12, ctx.residents().countAll());
        }
        assertEquals(0, run("restore", "--data-dir", data.toString(), "-u", "admin", backup.toString()));
        assertTrue(Files.list(data.resolve("replaced")).findAny().isPresent(), "the replaced database is kept");
    }

    @Test
    void everyCommandHasHelp() {
        var commands = HuyouCli.commandLine(p -> new char[0], TestHome.CLOCK).getSubcommands().keySet();
        assertTrue(commands.containsAll(java.util.List.of("init", "connect", "migrate-to", "verify-ledger")));
        for (String c : commands) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(c, "--help"), c);
            assertTrue(out.toString().contains("--data-dir") && out.toString().contains("--json"), c);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Exit codes"), out.toString());
    }
}
