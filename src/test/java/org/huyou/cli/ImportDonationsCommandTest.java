package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huyou.app.AppContext;
import org.huyou.donations.LedgerService;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code huyou import-opening-balances} and {@code huyou import-donations}: refusals by row and column that append
 * nothing, a second opening balance refused, past donations before a fund's opening refused, the shipped templates.
 */
@org.junit.jupiter.api.Tag("embedded-only")
class ImportDonationsCommandTest {

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

    static final java.util.concurrent.atomic.AtomicInteger READERS = new java.util.concurrent.atomic.AtomicInteger();

    /** The ledger's entries and the general fund's balance, read by a finance officer of the home. */
    static String ledger(Path data) {
        try (AppContext ctx = TestHome.open(data)) {
            TestHome.loginAs(ctx, "reader" + READERS.incrementAndGet(), Role.FINANCE_OFFICER);
            LedgerService l = ctx.ledger();
            return l.entries(Long.MAX_VALUE, 1000).size() + " "
                    + l.balances(null).stream()
                            .map(b -> b.balance().toPlainString())
                            .toList();
        }
    }

    @Test
    void openingBalancesThenPastDonationsAreImportedAllOrNothing() throws Exception {
        Path data = dir.resolve("home");
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts().create("cw", "赵财务", TestHome.PASSWORD, java.util.EnumSet.of(Role.FINANCE_OFFICER));
        }
        String d = data.toString();
        Path f = dir.resolve("期初.csv");
        Files.write(
                f,
                String.join(
                                "\r\n",
                                "基金,期初日期,期初余额（元）",
                                "非定向捐赠,2026-01-01,\"125,000.00\"",
                                "没有的基金,2026-01-01,10",
                                "助学金,2026-01-01,三百")
                        .getBytes(Charset.forName("GB18030")));
        assertEquals(1, run("import-opening-balances", "--data-dir", d, "-u", "cw", f.toString()));
        assertTrue(err.toString().contains("第 3 行，基金：没有名为“没有的基金”的基金"), err.toString());
        assertTrue(err.toString().contains("第 4 行，期初余额（元）：\"三百\" 不是数字"), err.toString());
        assertEquals("0 [0.00, 0.00, 0.00]", ledger(data), "nothing appended");

        Files.write(
                f,
                String.join("\r\n", "基金,期初日期,期初余额（元）", "非定向捐赠,2026-01-01,\"125,000.00\"", "助学金,2026-01-01,300")
                        .getBytes(Charset.forName("GB18030")));
        assertEquals(
                0,
                run("import-opening-balances", "--data-dir", d, "-u", "cw", "--check", f.toString()),
                err.toString());
        assertEquals(0, run("import-opening-balances", "--data-dir", d, "-u", "cw", f.toString()), err.toString());
        assertTrue(out.toString().contains("已导入 2 个基金的期初余额"), out.toString());
        assertEquals("2 [125000.00, 300.00, 0.00]", ledger(data));
        err.getBuffer().setLength(0);
        assertEquals(1, run("import-opening-balances", "--data-dir", d, "-u", "cw", f.toString()));
        assertTrue(err.toString().contains("第 2 行，基金：基金“非定向捐赠”已有 2026-01-01 的期初余额"), err.toString());

        // the shipped template's money row is dated before the fund's opening: part of that balance, refused
        Path template = dir.resolve("donations.xlsx");
        assertEquals(0, run("import-donations", "--data-dir", d, "--template", template.toString()));
        err.getBuffer().setLength(0);
        assertEquals(1, run("import-donations", "--data-dir", d, "-u", "cw", template.toString()));
        assertTrue(err.toString().contains("第 2 行，捐赠日期：基金“非定向捐赠”的期初余额日期是 2026-01-01"), err.toString());
        assertEquals("2 [125000.00, 300.00, 0.00]", ledger(data), "nothing appended, the goods row neither");

        Path h = dir.resolve("捐赠记录.csv");
        Files.writeString(
                h,
                String.join(
                        "\r\n",
                        "\uFEFF日期,捐赠人,基金,金额,方式,物品,数量,单位,类别,备注",
                        "2026-03-05,滨州爱心餐饮有限公司,非定向捐赠,20000,银行转账,,,,,春节慰问",
                        "2026-02-01,张伟,,,,冬季棉衣,40,件,衣物,"),
                StandardCharsets.UTF_8);
        assertEquals(0, run("import-donations", "--data-dir", d, "-u", "cw", h.toString()), err.toString());
        assertTrue(out.toString().contains("已导入 2 笔捐赠记录"), out.toString());
        assertEquals("4 [145000.00, 300.00, 0.00]", ledger(data));
        assertEquals(0, run("verify-ledger", "--data-dir", d, "-u", "cw"), err.toString());
        try (AppContext ctx = TestHome.open(data)) { // the administrator reads the audit log
            assertEquals(
                    2,
                    ctx.audit()
                            .browse(
                                    new org.huyou.security.AuditFilter(
                                            null, "IMPORT", "ledger_entry", null, null, null),
                                    10)
                            .size(),
                    "each import audited, beside one row per entry");
        }
        Path opening = dir.resolve("opening.csv");
        assertEquals(0, run("import-opening-balances", "--data-dir", d, "--template", opening.toString()));
        assertTrue(Files.readString(opening).contains("期初余额"));
    }
}
