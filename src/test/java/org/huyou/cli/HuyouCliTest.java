package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user runs it: real data folder, real files, exit codes and printed reports. */
@org.junit.jupiter.api.Tag(
        "embedded-only") // the commands set up and open embedded homes (the PostgreSQL ones: ServerCliTest)
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

    /** A run with {@code stdin} as standard input and the prompts answered in turn by {@code answers}. */
    int runWithInput(String stdin, List<String> answers, String... args) {
        java.util.Iterator<String> next = answers.iterator();
        CommandLine cl = HuyouCli.commandLine(
                prompt -> next.next().toCharArray(), TestHome.CLOCK, new java.io.StringReader(stdin));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void recoverGivesTheAdministratorANewPasswordWithTheRecoveryKeyOnStandardInput() {
        Path data = dir.resolve("home");
        init(data);
        String key = out.toString().replaceAll("(?s).*恢复密钥： ([A-Z2-9-]{39}).*", "$1");
        String fresh = "Lanhua-shu-2031";
        assertEquals(
                1,
                runWithInput(
                        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH\n",
                        List.of(fresh, fresh),
                        "recover",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin"));
        assertTrue(err.toString().contains("恢复密钥不正确") && err.toString().contains("再错 4 次"), err.toString());
        assertEquals(
                1,
                runWithInput(
                        key + "\n",
                        List.of(fresh, "Lanhua-shu-2032"),
                        "recover",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin"),
                "the new password typed twice differs");
        assertTrue(err.toString().contains("两次输入的密码不一致"), err.toString());
        assertEquals(
                1,
                runWithInput(
                        key + "\n",
                        List.of("woaini1314", "woaini1314"),
                        "recover",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin"),
                "a common password is refused here too");
        assertTrue(err.toString().contains("这个密码太常见"), err.toString());
        assertEquals(1, runWithInput("", List.of(), "recover", "--data-dir", data.toString(), "-u", "admin"));
        assertTrue(err.toString().contains("没有读到恢复密钥"), err.toString());

        assertEquals(
                0,
                runWithInput(
                        key.toLowerCase() + "\n",
                        List.of(fresh, fresh),
                        "recover",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--json"));
        assertTrue(out.toString().contains("{\"ok\":true,\"user\":\"admin\"}"), out.toString());
        assertEquals(1, run("demo", "--data-dir", data.toString(), "-u", "admin"), "the old password is gone");
        assertEquals(0, runWithInput("", List.of(fresh), "demo", "--data-dir", data.toString(), "-u", "admin"));
        try (AppContext ctx = org.huyou.app.HomeAccess.login(data, "admin", fresh.toCharArray(), TestHome.CLOCK)) {
            assertTrue(
                    ctx
                            .audit()
                            .browse(new org.huyou.security.AuditFilter(null, "RECOVERY", null, null, null, null), 10)
                            .stream()
                            .anyMatch(e ->
                                    e.action().equals("RECOVERY") && e.summary().contains("{\"user\":\"admin\"}")));
        }
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
        assertEquals(
                0,
                run(
                        "export-residents",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--out",
                        csv.toString(),
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
    void theDirectorWritesTheAnnualReportAndItsFiguresFromTheCommandLine() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        assertEquals(0, run("demo", "--data-dir", data.toString(), "-u", "admin"));
        java.math.BigDecimal received;
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts()
                    .create("yz", "院长", TestHome.PASSWORD, java.util.EnumSet.of(org.huyou.security.Role.DIRECTOR));
            ctx.login().logout();
            ctx.login().login("yz", TestHome.PASSWORD.toCharArray());
            received = ctx.statistics()
                    .dashboard(TestHome.TODAY.getYear())
                    .chart(org.huyou.statistics.Figure.DONATIONS)
                    .total("MONEY_IN");
        }
        int year = TestHome.TODAY.getYear();
        Path outDir = dir.resolve("年报");
        assertEquals(
                0,
                run(
                        "annual-report",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "yz",
                        "--year",
                        String.valueOf(year),
                        "--out",
                        outDir.toString()),
                err.toString());
        String said = out.toString();
        assertTrue(said.contains("捐款收入 " + org.huyou.common.Money.amount(received) + " 元"), said);
        Path pdf = outDir.resolve("annual-report-" + year + ".pdf");
        Path xlsx = outDir.resolve("annual-report-" + year + "-figures.xlsx");
        assertTrue(Files.size(pdf) > 0 && Files.size(xlsx) > 0, said);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text =
                    new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains(year + "年度工作报告"), text);
        }
        try (var in = Files.newInputStream(xlsx);
                var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(in)) {
            assertEquals(
                    org.huyou.statistics.Figure.values().length, wb.getSheets().count());
        }

        assertEquals(
                1,
                run(
                        "annual-report",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "yz",
                        "--year",
                        "2999",
                        "--out",
                        outDir.toString()),
                "a year to come is a mistake");
        assertTrue(err.toString().contains("年度 2999 不对"), err.toString());
        assertEquals(
                1,
                run(
                        "annual-report",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--year",
                        String.valueOf(year),
                        "--out",
                        outDir.toString()),
                "the administrator runs accounts, not figures");
    }

    @Test
    void theDirectorWritesADisclosureAndVerifiesTheLedgerFromTheCommandLine() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts()
                    .create("yz", "院长", TestHome.PASSWORD, java.util.EnumSet.of(org.huyou.security.Role.DIRECTOR));
            ctx.login().logout();
            ctx.login().login("yz", TestHome.PASSWORD.toCharArray());
            var donor = ctx.ledger()
                    .createDonor(new NewDonor(
                            org.huyou.donations.Donor.Kind.ENTERPRISE,
                            "爱心企业",
                            org.huyou.donations.Donor.Naming.FULL,
                            null,
                            null,
                            null,
                            null));
            ctx.ledger()
                    .recordDonation(
                            donor.id(),
                            ctx.ledger().funds().get(0).id(),
                            TestHome.TODAY.minusDays(3),
                            new java.math.BigDecimal("1234.56"),
                            org.huyou.donations.LedgerEntry.Channel.BANK_TRANSFER,
                            null);
        }
        assertEquals(0, run("verify-ledger", "--data-dir", data.toString(), "-u", "yz"));
        assertTrue(out.toString().contains("共 1 条分录"), out.toString());
        Path outDir = dir.resolve("gongshi");
        assertEquals(
                0,
                run(
                        "disclosure",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "yz",
                        "--from",
                        TestHome.TODAY.withDayOfMonth(1).toString(),
                        "--to",
                        TestHome.TODAY.toString(),
                        "--out",
                        outDir.toString()));
        assertTrue(out.toString().contains("本期收入 1,234.56 元"), out.toString());
        assertTrue(out.toString().contains("校验码：1-"), out.toString());
        try (var files = Files.list(outDir)) {
            assertEquals(2, files.count(), "the XLSX and the PDF");
        }
        String[] again = {
            "disclosure",
            "--data-dir",
            data.toString(),
            "-u",
            "yz",
            "--from",
            TestHome.TODAY.withDayOfMonth(1).toString(),
            "--to",
            TestHome.TODAY.toString(),
            "--out",
            outDir.toString()
        };
        err.getBuffer().setLength(0);
        assertEquals(1, run(again), "the same period again, without a reason");
        assertTrue(err.toString().contains("已于") && err.toString().contains("由 院长 公示"), err.toString());
        String[] corrected = java.util.Arrays.copyOf(again, again.length + 2);
        corrected[again.length] = "--reason";
        corrected[again.length + 1] = "金额录入有误，已冲销后更正";
        assertEquals(0, run(corrected), err.toString());
        assertTrue(out.toString().contains("它取代了"), out.toString());
        try (var files = Files.list(outDir)) {
            assertEquals(4, files.count(), "both publications, nothing overwritten");
        }
        assertTrue(
                run(
                                "disclosure",
                                "--data-dir",
                                data.toString(),
                                "-u",
                                "admin",
                                "--from",
                                "2026-01-01",
                                "--to",
                                "2026-03-31",
                                "--out",
                                outDir.toString())
                        != 0,
                "the administrator may not export donations");
    }

    @Test
    void theFinanceOfficerWritesTheMonthsAllowanceRoll() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        assertEquals(0, run("--data-dir", data.toString(), "-u", "admin", "demo"));
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts()
                    .create(
                            "cw",
                            "会计",
                            TestHome.PASSWORD,
                            java.util.EnumSet.of(org.huyou.security.Role.FINANCE_OFFICER));
        }
        Path xlsx = dir.resolve("roll.xlsx");
        assertEquals(
                0,
                run(
                        "allowance-roll",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "cw",
                        "--month",
                        "2026-10",
                        "--out",
                        xlsx.toString()));
        assertTrue(Files.size(xlsx) > 0);
        assertTrue(
                out.toString().contains("集中供养孤儿：") && out.toString().matches("(?s).*合计：\\d+ 人，[\\d,.]+ 元.*"),
                out.toString());
        assertTrue(run(
                        "allowance-roll",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "cw",
                        "--month",
                        "2026-13",
                        "--out",
                        xlsx.toString())
                != 0);
        assertTrue(err.toString().contains("YYYY-MM"), err.toString());
    }

    @Test
    void openDaySessionsPrintOneLinePerSessionStartingWithItsDate() {
        Path data = dir.resolve("home");
        init(data);
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts()
                    .create("qt", "前台", TestHome.PASSWORD, java.util.EnumSet.of(org.huyou.security.Role.FRONT_DESK));
            ctx.login().logout();
            ctx.login().login("qt", TestHome.PASSWORD.toCharArray());
            var d = org.huyou.openday.OpenDayRule.DEFAULT;
            ctx.openDay()
                    .setRule(new org.huyou.openday.OpenDayRule(
                            d.weekOfMonth(),
                            d.dayOfWeek(),
                            d.slots(),
                            40,
                            java.util.Set.of(java.time.LocalDate.of(2027, 2, 13)),
                            java.util.Set.of()));
        }
        assertEquals(0, run("openday-sessions", "--year", "2027", "--data-dir", data.toString(), "-u", "qt"));
        var lines = out.toString()
                .lines()
                .filter(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .*"))
                .toList();
        assertEquals(11, lines.size(), "twelve second Saturdays less the Spring Festival blackout: " + out);
        assertTrue(lines.get(0).startsWith("2027-01-09 09:00-11:00 14:30-16:30 40"), lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("2027-02-13")));
    }

    @Test
    void importWithABadRowPrintsTheReportAndExitsNonZero() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(
                f,
                String.join(
                        "\n",
                        org.huyou.residents.io.ResidentImportTest.HEADER,
                        org.huyou.residents.io.ResidentImportTest.GOOD_1,
                        org.huyou.residents.io.ResidentImportTest.BAD_ID));
        Path data = dir.resolve("home");
        init(data);
        assertEquals(1, run("import-residents", "--data-dir", data.toString(), "-u", "admin", f.toString()));
        assertTrue(err.toString().contains("第 3 行，身份证号"), err.toString());
        try (AppContext ctx = TestHome.open(data)) {
            assertEquals(0, ctx.residents().countAll());
        }
    }

    @Test
    void importMapsColumnsGivenOnTheCommandLineAndWritesTheTemplate() throws Exception {
        Path f = dir.resolve("own.csv");
        Files.writeString(
                f,
                String.join(
                        "\n",
                        "儿童姓名,性别,生日,身份证号,类别,入院时间,入院来源,监护情况,联系电话",
                        "张小红,女,2015-03-07,110105201503070021,孤儿,2016-05-20,民政部门安置,民政部门长期监护,13800000000"));
        Path data = dir.resolve("home");
        init(data);
        assertEquals(1, run("import-residents", "--data-dir", data.toString(), "-u", "admin", "--check", f.toString()));
        assertTrue(err.toString().contains("第 1 行，联系电话"), err.toString());
        assertEquals(
                1,
                run(
                        "import-residents",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--map",
                        "联系电话=鞋码",
                        f.toString()));
        assertTrue(err.toString().contains("没有“鞋码”这一项"), err.toString());
        assertEquals(
                0,
                run(
                        "import-residents",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--check",
                        "--map",
                        "联系电话=ignore,生日=birthDate",
                        f.toString()));
        assertEquals(
                0,
                run(
                        "import-residents",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--map",
                        "联系电话=忽略此列",
                        f.toString()));
        try (AppContext ctx = TestHome.open(data)) {
            assertEquals(1, ctx.residents().countAll());
        }
        Path template = dir.resolve("模板.xlsx");
        err.getBuffer().setLength(0);
        assertEquals(
                0,
                run(
                        "import-residents",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--template",
                        template.toString()),
                err.toString());
        try (AppContext ctx = TestHome.open(dir.resolve("fresh"))) {
            assertTrue(ctx.residentImporter().preview(template).valid(), "the template as written imports");
        }
    }

    /**
     * A check imports nothing, so it does not say the import failed: it says how many problems it found and that
     * nothing was imported; each problem, and the way to map a column, is said once.
     */
    @Test
    void aCheckWithProblemsSaysWhatItFoundNotThatAnImportFailed() throws Exception {
        Path f = dir.resolve("check.csv");
        Files.writeString(
                f,
                String.join(
                        "\n",
                        org.huyou.residents.io.ResidentImportTest.HEADER + ",联系电话,鞋码",
                        org.huyou.residents.io.ResidentImportTest.GOOD_1 + ",13800000000,36",
                        org.huyou.residents.io.ResidentImportTest.BAD_ID + ",13800000001,37"));
        Path data = dir.resolve("home");
        init(data);
        err.getBuffer().setLength(0);
        assertEquals(1, run("import-residents", "--data-dir", data.toString(), "-u", "admin", "--check", f.toString()));
        String said = err.toString();
        List<String> lines = said.lines().filter(l -> !l.isBlank()).toList();
        assertFalse(said.contains("导入失败"), said);
        assertEquals(1, lines.stream().filter(l -> l.contains("--map")).count(), "the mapping hint once: " + said);
        assertEquals(lines.size(), new java.util.HashSet<>(lines).size(), "no line twice: " + said);
        long problems = lines.stream().filter(l -> l.startsWith("第 ")).count();
        assertEquals(2, problems, "the two columns not known (the rows are not read before they are): " + said);
        assertTrue(
                lines.get(lines.size() - 1).contains("检查发现 " + problems + " 处问题")
                        && lines.get(lines.size() - 1).contains("未导入任何数据"),
                said);

        err.getBuffer().setLength(0);
        assertEquals(1, run("import-residents", "--data-dir", data.toString(), "-u", "admin", f.toString()));
        assertTrue(err.toString().contains("导入失败"), "an import that was refused says so: " + err);
        try (AppContext ctx = TestHome.open(data)) {
            assertEquals(0, ctx.residents().countAll());
        }
    }

    @Test
    void unreadableFileIsAClearMessage() {
        init(dir);
        assertEquals(
                1,
                run(
                        "import-residents",
                        "--data-dir",
                        dir.toString(),
                        "-u",
                        "admin",
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
        assertEquals(
                2,
                run("verify-backup", "--data-dir", data.toString(), "-u", "admin", damaged.toString()),
                "damaged data exits 2");
        assertEquals(2, run("restore", "--data-dir", data.toString(), "-u", "admin", damaged.toString()));
        err.getBuffer().setLength(0);
        assertEquals(
                2, run("verify-backup", "--json", "--data-dir", data.toString(), "-u", "admin", damaged.toString()));
        assertTrue(err.toString().strip().matches("\\{\"ok\":false,\"exitCode\":2,\"error\":\".*\"}"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(
                0, run("verify-backup", "--json", "--data-dir", data.toString(), "-u", "admin", backup.toString()));
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
        var commands = HuyouCli.commandLine(p -> new char[0], TestHome.CLOCK)
                .getSubcommands()
                .keySet();
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

    /**
     * The option parser's own refusals are one sentence in the user's language, exit 1, and honour --json wherever it
     * stands (issue 26): a date the import would take is taken, one it would not is refused in words, no exception.
     */
    @Test
    void parserRefusalsAreTranslatedSentencesAndHonourJson() {
        assertEquals(java.time.LocalDate.of(2026, 7, 1), HuyouCli.date("2026/07/01"));
        assertEquals(java.time.LocalDate.of(2026, 7, 1), HuyouCli.date("20260701"));
        assertEquals(java.time.LocalDate.of(2026, 7, 1), HuyouCli.date("2026年7月1日"));
        Path data = dir.resolve("home");
        init(data);
        err.getBuffer().setLength(0);
        assertEquals(
                1,
                run(
                        "disclosure",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--from",
                        "2026/13/01",
                        "--to",
                        "2026-12-31",
                        "--json"));
        String e = err.toString().strip();
        assertTrue(e.startsWith("{") && e.endsWith("}") && e.lines().count() == 1, e);
        assertTrue(e.contains("\"exitCode\":1") && e.contains("不是日期"), e);
        assertTrue(!e.contains("Exception") && !e.contains("LocalDate") && !e.contains("Invalid value"), e);
        err.getBuffer().setLength(0);
        assertEquals(
                1,
                run(
                        "disclosure",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "admin",
                        "--from",
                        "1999-01-01",
                        "--to",
                        "2026-12-31"));
        assertTrue(err.toString().contains("2000") && !err.toString().contains("Exception"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, run("demo", "--no-such-option", "--json", "--data-dir", data.toString()));
        e = err.toString().strip();
        assertTrue(e.startsWith("{") && e.lines().count() == 1 && e.contains("命令写得不对"), e);
    }

    /** What one command printed to standard output with --json: exactly one object, read back as JSON. */
    com.fasterxml.jackson.databind.JsonNode json(String... args) {
        out.getBuffer().setLength(0);
        assertEquals(0, run(args), String.join(" ", args) + "\n" + err);
        List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one object, nothing else: " + out);
        try {
            com.fasterxml.jackson.databind.JsonNode o =
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
            assertTrue(o.get("ok").asBoolean(), lines.get(0));
            return o;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + lines.get(0), e);
        }
    }

    @Test
    void everyCommandAnswersAScriptWithOneJsonObject() throws Exception {
        Path data = dir.resolve("home");
        String d = data.toString();
        assertTrue(json("init", "--json", "--data-dir", d, "--home", "测试福利院", "--admin", "admin")
                .get("recoveryKey")
                .asText()
                .matches("[A-Z2-9-]{39}"));
        assertEquals(
                12,
                json("demo", "--json", "--data-dir", d, "-u", "admin", "--residents", "12")
                        .get("residents")
                        .asInt());
        try (AppContext ctx = TestHome.open(data)) {
            for (var role : org.huyou.security.Role.values()) {
                if (role != org.huyou.security.Role.ADMINISTRATOR) {
                    ctx.accounts()
                            .create("u" + role.ordinal(), role.name(), TestHome.PASSWORD, java.util.EnumSet.of(role));
                }
            }
        }
        String director = "u" + org.huyou.security.Role.DIRECTOR.ordinal();
        String finance = "u" + org.huyou.security.Role.FINANCE_OFFICER.ordinal();
        String frontDesk = "u" + org.huyou.security.Role.FRONT_DESK.ordinal();

        Path csv = dir.resolve("register.csv");
        var exported = json("export-residents", "--json", "--data-dir", d, "-u", "admin", "--out", csv.toString());
        assertEquals(12, exported.get("residents").asInt());
        assertFalse(exported.get("fullIdNumbers").asBoolean());
        Path other = dir.resolve("other");
        json("init", "--json", "--data-dir", other.toString(), "--home", "另一家", "--admin", "admin");
        // The check refuses what the import would refuse: an export's masked ID numbers, by row and column.
        err.getBuffer().setLength(0);
        assertEquals(
                1,
                run(
                        "import-residents",
                        "--json",
                        "--data-dir",
                        other.toString(),
                        "-u",
                        "admin",
                        "--check",
                        csv.toString()));
        var maskedCheck = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(err.toString().strip());
        assertTrue(maskedCheck.get("problems").size() > 0, maskedCheck.toString());
        assertEquals("身份证号", maskedCheck.get("problems").get(0).get("column").asText(), maskedCheck.toString());
        assertTrue(maskedCheck.get("problems").get(0).get("row").asInt() >= 2, maskedCheck.toString());
        Path full = dir.resolve("register-full.csv");
        json(
                "export-residents",
                "--json",
                "--data-dir",
                d,
                "-u",
                "admin",
                "--out",
                full.toString(),
                "--full-id-numbers");
        var checked = json(
                "import-residents",
                "--json",
                "--data-dir",
                other.toString(),
                "-u",
                "admin",
                "--check",
                full.toString());
        assertEquals(12, checked.get("rows").asInt());
        assertEquals(0, checked.get("imported").asInt());

        var ledger = json("verify-ledger", "--json", "--data-dir", d, "-u", finance);
        assertTrue(ledger.get("entries").asInt() > 0, ledger.toString());
        var disclosure = json(
                "disclosure",
                "--json",
                "--data-dir",
                d,
                "-u",
                director,
                "--from",
                "2026-01-01",
                "--to",
                "2026-10-31",
                "--out",
                dir.resolve("gongshi").toString());
        assertTrue(Files.exists(Path.of(disclosure.get("pdf").asText())));
        assertEquals(
                0,
                disclosure
                        .get("opening")
                        .decimalValue()
                        .add(disclosure.get("received").decimalValue())
                        .subtract(disclosure.get("used").decimalValue())
                        .compareTo(disclosure.get("closing").decimalValue()),
                "opening + received - used = closing: " + disclosure);
        var roll = json(
                "allowance-roll",
                "--json",
                "--data-dir",
                d,
                "-u",
                finance,
                "--month",
                "2026-10",
                "--out",
                dir.resolve("roll.xlsx").toString());
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (var c : roll.get("categories")) {
            sum = sum.add(c.get("amount").decimalValue());
        }
        assertEquals(0, sum.compareTo(roll.get("total").decimalValue()), "the categories add up: " + roll);
        var sessions = json("openday-sessions", "--json", "--data-dir", d, "-u", frontDesk, "--year", "2027");
        assertEquals("2027-01-09", sessions.get("sessions").get(0).get("date").asText());

        Path backup = dir.resolve("b.huyou-backup");
        json("backup", "--json", "--data-dir", d, "-u", "admin", "--out", backup.toString());
        var restored = json(
                "restore", "--json", "--data-dir", dir.resolve("fresh").toString(), "-u", "admin", backup.toString());
        assertTrue(restored.get("keptAside").isNull());

        // A refusal a script can act on: the rows and columns of a bad import, on standard error.
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                String.join(
                        "\n",
                        org.huyou.residents.io.ResidentImportTest.HEADER,
                        org.huyou.residents.io.ResidentImportTest.BAD_ID));
        err.getBuffer().setLength(0);
        assertEquals(
                1, run("import-residents", "--json", "--data-dir", other.toString(), "-u", "admin", bad.toString()));
        var refused = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(err.toString().strip());
        assertFalse(refused.get("ok").asBoolean());
        assertEquals(2, refused.get("problems").get(0).get("row").asInt());
    }

    /**
     * Finding 10: a director may back up, but a backup restored into a new folder is the whole home readable; so
     * that restore asks the same permission as one in place (the backup's own accounts decide), leaves nothing
     * behind when refused, and its sentence names where the data went instead of a dash.
     */
    @Test
    void restoreIntoANewFolderNeedsTheRestorePermissionOfTheBackupsOwnAccounts() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        assertEquals(0, run("demo", "--data-dir", data.toString(), "-u", "admin", "--residents", "4"));
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts()
                    .create("yz", "院长", TestHome.PASSWORD, java.util.EnumSet.of(org.huyou.security.Role.DIRECTOR));
        }
        Path backup = data.resolve("backups").resolve("b.huyou-backup");
        assertEquals(0, run("backup", "--data-dir", data.toString(), "-u", "yz", "--out", backup.toString()));

        Path copy = dir.resolve("copy");
        err.getBuffer().setLength(0);
        assertEquals(1, run("restore", "--data-dir", copy.toString(), "-u", "yz", backup.toString()));
        assertTrue(err.toString().contains("备份与恢复"), err.toString());
        assertFalse(Files.exists(copy), "nothing of the refused copy is left");
        Files.createDirectories(copy);
        assertEquals(1, run("restore", "--data-dir", copy.toString(), "-u", "yz", backup.toString()));
        try (var left = Files.list(copy)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> !p.getFileName().toString().equals("logs")).toList(),
                    "a folder that was there is left as it was");
        }

        out.getBuffer().setLength(0);
        assertEquals(0, run("restore", "--data-dir", copy.toString(), "-u", "admin", backup.toString()));
        assertFalse(out.toString().contains(" -。"), out.toString());
        assertTrue(out.toString().contains(copy.toAbsolutePath().toString()), out.toString());

        try (AppContext origin = TestHome.open(data)) {
            var log = origin.audit()
                    .browse(new org.huyou.security.AuditFilter(null, "RESTORE", null, null, null, null), 20);
            assertEquals(
                    2,
                    log.stream()
                            .filter(e -> "auditSummary.copyRefused".equals(e.summaryKey()))
                            .count(),
                    "both refusals are on record in the home the backup came from: " + log);
            assertTrue(log.stream().anyMatch(e -> "auditSummary.copiedInto".equals(e.summaryKey())), log.toString());
        }

        Path csv = dir.resolve("register.csv");
        assertEquals(
                0,
                run(
                        "export-residents",
                        "--data-dir",
                        copy.toString(),
                        "-u",
                        "admin",
                        "--out",
                        csv.toString(),
                        "--full-id-numbers"));
        if (org.huyou.common.io.PrivateFiles.posix(csv)) {
            assertEquals(
                    org.huyou.common.io.PrivateFiles.FILE,
                    Files.getPosixFilePermissions(csv),
                    "full ID numbers are for this account alone");
        }
    }

    /** Finding 4: a restore in place says what it takes back, by kind, and is done only when that is accepted. */
    @Test
    void restoreInPlaceSaysWhatIsLostAndNeedsItAccepted() throws Exception {
        Path data = dir.resolve("home");
        init(data);
        Path backup = dir.resolve("b.huyou-backup");
        assertEquals(0, run("backup", "--data-dir", data.toString(), "-u", "admin", "--out", backup.toString()));
        try (AppContext ctx = TestHome.open(data)) {
            ctx.residents().create(TestHome.boyDraft());
        }
        err.getBuffer().setLength(0);
        assertEquals(1, run("restore", "--data-dir", data.toString(), "-u", "admin", backup.toString()));
        // only the kinds that happened: no "修改 0 条"
        assertTrue(err.toString().contains("「儿童档案」：备份之后新增 1 条，恢复后都会丢失。"), err.toString());
        assertFalse(err.toString().contains(" 0 条"), err.toString());
        assertTrue(err.toString().contains("--accept-loss"), err.toString());
        try (AppContext ctx = TestHome.open(data)) {
            assertEquals(1, ctx.residents().countAll(), "nothing restored unaccepted");
        }
        assertEquals(
                0, run("restore", "--data-dir", data.toString(), "-u", "admin", "--accept-loss", backup.toString()));
        try (AppContext ctx = TestHome.open(data)) {
            assertEquals(0, ctx.residents().countAll());
        }
    }
}
