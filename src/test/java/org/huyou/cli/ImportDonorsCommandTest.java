package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huyou.app.AppContext;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code huyou import-donors}: a GB18030 register with refusals by row, then the shipped templates. */
@org.junit.jupiter.api.Tag("embedded-only")
class ImportDonorsCommandTest {

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

    static int donors(Path data) {
        try (AppContext ctx = TestHome.open(data)) {
            TestHome.loginAs(ctx, "reader" + READERS.incrementAndGet(), org.huyou.security.Role.FINANCE_OFFICER);
            return ctx.ledger().donors(null, 100).size();
        }
    }

    @Test
    void badRowsAreRefusedByRowAndColumnThenTheRegisterIsImported() throws Exception {
        Path data = dir.resolve("home");
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts()
                    .create(
                            "cw",
                            "赵财务",
                            TestHome.PASSWORD,
                            java.util.EnumSet.of(org.huyou.security.Role.FINANCE_OFFICER));
            TestHome.loginAs(ctx, "cw1", org.huyou.security.Role.FINANCE_OFFICER);
            ctx.ledger()
                    .createDonor(new NewDonor(
                            Donor.Kind.INDIVIDUAL, "王芳", Donor.Naming.FULL, "139-0000-2222", null, null, null));
        }
        String d = data.toString();
        Path f = dir.resolve("捐赠人.csv");
        Files.write(
                f,
                String.join(
                                "\r\n",
                                "捐赠人,类型,公示方式,电话,联系人",
                                "滨州爱心餐饮有限公司,企业,公示全名,0543-3211234,刘经理",
                                "王芳,个人,公示全名,13900002222,", // registered already (same digits)
                                "滨州爱心餐饮有限公司,企业,公示全名,0543-3211234,", // twice in the file
                                "李四,团体,公示全名,abc,", // no such type, a phone with letters
                                ",匿名,公示全名,,")
                        .getBytes(Charset.forName("GB18030")));
        assertEquals(1, run("import-donors", "--data-dir", d, "-u", "cw", f.toString()));
        String report = err.toString();
        assertTrue(report.contains("第 3 行，捐赠人：已登记过捐赠人“王芳”"), report);
        assertTrue(report.contains("第 4 行，捐赠人：与第 2 行重复"), report);
        assertTrue(report.contains("第 5 行，类型：“团体”不是可选的值"), report);
        assertTrue(report.contains("第 5 行，电话"), report);
        assertEquals(1, donors(data), "nothing half-written");

        Files.write(
                f,
                String.join("\r\n", "捐赠人,类型,公示方式,电话,联系人", "滨州爱心超市,企业,公示全名,0543-3219999,刘经理", ",Anonymous,公示全名,,")
                        .getBytes(Charset.forName("GB18030")));
        assertEquals(0, run("import-donors", "--data-dir", d, "-u", "cw", "--check", f.toString()), err.toString());
        assertEquals(1, donors(data), "--check imports nothing");
        assertEquals(0, run("import-donors", "--data-dir", d, "-u", "cw", f.toString()), err.toString());
        assertTrue(out.toString().contains("已导入 2 位捐赠人"), out.toString());
        try (AppContext ctx = TestHome.open(data)) {
            TestHome.loginAs(ctx, "cw3", org.huyou.security.Role.FINANCE_OFFICER);
            Donor firm = ctx.ledger().donors("爱心超市", 5).get(0);
            assertEquals("刘经理", firm.contactPerson());
            assertEquals(Donor.Kind.ENTERPRISE, firm.kind());
            assertEquals(
                    Donor.Naming.ANONYMOUS,
                    ctx.ledger().donors("爱心人士", 5).get(0).naming(),
                    "an anonymous donor is disclosed anonymously, as the form makes it");
        }
        try (AppContext ctx = TestHome.open(data)) { // the administrator reads the audit log
            assertEquals(
                    1,
                    ctx.audit()
                            .browse(new org.huyou.security.AuditFilter(null, "IMPORT", "donor", null, null, null), 10)
                            .size(),
                    "the import is audited, beside one row per donor");
        }

        Path template = dir.resolve("donors.xlsx");
        assertEquals(0, run("import-donors", "--data-dir", d, "--template", template.toString()));
        assertEquals(0, run("import-donors", "--data-dir", d, "-u", "cw", template.toString()), err.toString());
        assertEquals(5, donors(data));
        Path csv = dir.resolve("donors.csv");
        assertEquals(0, run("import-donors", "--data-dir", d, "--template", csv.toString()));
        assertEquals(1, run("import-donors", "--data-dir", d, "-u", "cw", csv.toString()), "the same donors again");
        assertEquals(5, donors(data));
    }
}
