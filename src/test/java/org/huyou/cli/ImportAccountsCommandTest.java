package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.security.AccountService.AccountView;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code huyou import-accounts}: a staff list in GB18030 and the shipped XLSX template, through AccountService. */
@org.junit.jupiter.api.Tag("embedded-only")
class ImportAccountsCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    /** How often the first password was asked for (the administrator's own login is asked through the same prompt). */
    final AtomicInteger newPasswordPrompts = new AtomicInteger();

    int run(String... args) {
        CommandLine cl = HuyouCli.commandLine(
                prompt -> {
                    if (prompt.contains("初始密码")) {
                        newPasswordPrompts.incrementAndGet();
                    }
                    return TestHome.PASSWORD.toCharArray();
                },
                TestHome.CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static List<AccountView> accounts(Path data) {
        try (AppContext ctx = TestHome.open(data)) {
            return ctx.accounts().accounts();
        }
    }

    @Test
    void duplicatesAndUnknownRolesAreRefusedByRowThenTheCorrectedListIsCreated() throws Exception {
        Path data = dir.resolve("home");
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
        }
        String d = data.toString();
        Path f = dir.resolve("员工.csv");
        Files.write(
                f,
                String.join(
                                "\r\n",
                                "用户名,姓名,角色",
                                "hg1,李红,保育员",
                                "sw,孙社工,社工", // taken in the home
                                "hg1,李红二,Caregiver", // twice in the file
                                "wang.sg,王明,社工、门卫", // no such role
                                "yz,张院长,")
                        .getBytes(Charset.forName("GB18030"))); // no role
        assertEquals(1, run("import-accounts", "--data-dir", d, "-u", "admin", f.toString()));
        String report = err.toString();
        assertTrue(report.contains("第 3 行，用户名：该用户名已被使用"), report);
        assertTrue(report.contains("第 4 行，用户名：与第 2 行重复"), report);
        assertTrue(report.contains("第 5 行，角色：“门卫”不是可选的值"), report);
        assertTrue(report.contains("第 6 行，角色：请至少选择一个角色"), report);
        assertEquals(0, newPasswordPrompts.get(), "no password is asked for a list that is refused");
        assertEquals(2, accounts(data).size(), "nothing created: admin and sw only");

        Files.write(
                f,
                String.join("\r\n", "用户名,姓名,角色", "hg1,李红,保育员", "wang.sg,王明,Social worker; 前台")
                        .getBytes(Charset.forName("GB18030")));
        assertEquals(
                0, run("import-accounts", "--data-dir", d, "-u", "admin", "--check", f.toString()), err.toString());
        assertTrue(out.toString().contains("检查通过：2 行"), out.toString());
        assertEquals(0, newPasswordPrompts.get(), "a check asks for no password");
        assertEquals(2, accounts(data).size(), "--check creates nothing");

        assertEquals(0, run("import-accounts", "--data-dir", d, "-u", "admin", f.toString()), err.toString());
        assertTrue(out.toString().contains("已创建 2 个账户"), out.toString());
        assertEquals(2, newPasswordPrompts.get(), "the first password typed twice, as accounts add asks it");
        AccountView wang = accounts(data).stream()
                .filter(a -> a.username().equals("wang.sg"))
                .findFirst()
                .orElseThrow();
        assertEquals(EnumSet.of(Role.SOCIAL_WORKER, Role.FRONT_DESK), wang.roles());
        assertEquals("王明", wang.displayName());
        // the keyring holds the new account's wrap: it opens the home with its first password
        try (AppContext ctx = HomeAccess.login(data, "hg1", TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertEquals("hg1", ctx.currentUser().username());
        }
        try (AppContext ctx = TestHome.open(data)) {
            List<org.huyou.security.AuditEntry> created = ctx.audit()
                    .browse(new org.huyou.security.AuditFilter("admin", "CREATE", "account", null, null, null), 50);
            assertEquals(
                    List.of("wang.sg", "hg1", "sw"),
                    created.stream()
                            .map(e -> e.summary().replaceAll("[\\[\\]\"]", ""))
                            .toList(),
                    "one row per imported account, by who imported them");
        }
    }

    @Test
    void theTemplateIsWrittenAndImportsAsItIs() throws Exception {
        Path data = dir.resolve("home2");
        TestHome.open(data).close();
        String d = data.toString();
        Path template = dir.resolve("accounts.xlsx");
        assertEquals(0, run("import-accounts", "--data-dir", d, "--template", template.toString()));
        assertEquals(0, run("import-accounts", "--data-dir", d, "-u", "admin", template.toString()), err.toString());
        assertEquals(3, accounts(data).size());
        Path csv = dir.resolve("accounts.csv");
        assertEquals(0, run("import-accounts", "--data-dir", d, "--template", csv.toString()));
        assertTrue(Files.readString(csv).contains("用户名,姓名,角色"));
        assertEquals(
                1,
                run("import-accounts", "--data-dir", d, "-u", "admin", csv.toString()),
                "the same staff again: every name is taken");
        assertEquals(3, accounts(data).size());
    }
}
