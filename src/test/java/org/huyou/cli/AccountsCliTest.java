package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.common.UserFacingException;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.Keyring;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code huyou accounts} through the real entry point on a real home set up by {@code huyou init}. */
@org.junit.jupiter.api.Tag("embedded-only")
class AccountsCliTest {

    static final String FIRST = "Lanhua-shu-2031";

    @TempDir
    Path dir;

    Path data;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void setUp() {
        data = dir.resolve("home");
        assertEquals(
                0,
                run(
                        TestHome.PASSWORD,
                        List.of(),
                        "init",
                        "--data-dir",
                        data.toString(),
                        "--home",
                        "测试福利院",
                        "--admin",
                        TestHome.ADMIN));
    }

    /**
     * One run: the logged-in user's password prompt answered with {@code own}, each new-password prompt (初始密码)
     * with the next of {@code fresh}.
     */
    int run(String own, List<String> fresh, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        java.util.Iterator<String> next = fresh.iterator();
        CommandLine cl = HuyouCli.commandLine(
                prompt -> (prompt.contains("初始密码") ? next.next() : own).toCharArray(), TestHome.CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    int admin(List<String> fresh, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--data-dir", data.toString(), "-u", TestHome.ADMIN}, 0, all, args.length, 4);
        return run(TestHome.PASSWORD, fresh, all);
    }

    @Test
    void anAdministratorAddsListsChangesResetsAndDeactivatesAccounts() {
        assertEquals(
                0,
                admin(List.of(FIRST, FIRST), "accounts", "add", "yz", "--display-name", "王院长", "--roles", "DIRECTOR"),
                err.toString());
        assertTrue(out.toString().contains("已创建账户 yz（王院长），角色：DIRECTOR"), out.toString());

        assertEquals(0, admin(List.of(), "accounts", "list", "--json"), err.toString());
        assertTrue(
                out.toString()
                        .contains("{\"username\":\"yz\",\"displayName\":\"王院长\",\"roles\":[\"DIRECTOR\"],"
                                + "\"active\":true,\"locked\":false,\"lockedUntil\":null}"),
                out.toString());

        // the new account's password opens the home
        HomeAccess.login(data, "yz", FIRST.toCharArray(), TestHome.CLOCK).close();

        assertEquals(0, admin(List.of(), "accounts", "set-roles", "yz", "--roles", "director,social_worker"));
        assertTrue(out.toString().contains("DIRECTOR,SOCIAL_WORKER"), out.toString());

        for (int i = 0; i < 5; i++) {
            assertThrows(
                    UserFacingException.class,
                    () -> HomeAccess.login(data, "yz", "wrong-password".toCharArray(), TestHome.CLOCK));
        }
        assertEquals(0, admin(List.of(), "accounts", "list"));
        assertTrue(
                out.toString().matches("(?s).*yz  王院长  DIRECTOR,SOCIAL_WORKER  在用  锁定至 2026-11-23 10:15.*"),
                out.toString());

        String second = "Yueliang-wan-77";
        assertEquals(0, admin(List.of(second, second), "accounts", "reset-password", "yz", "--json"));
        assertTrue(out.toString().contains("{\"ok\":true,\"username\":\"yz\"}"), out.toString());
        HomeAccess.login(data, "yz", second.toCharArray(), TestHome.CLOCK).close(); // unlocked, new password

        byte[] keyringBefore = assertDoesNotThrow(() -> Files.readAllBytes(data.resolve(Keyring.FILE)));
        assertEquals(0, admin(List.of(), "accounts", "deactivate", "yz"));
        assertTrue(out.toString().contains("账户 yz 已停用"), out.toString());
        // the deactivation changed the file key at once: yz's copy of the old keyring opens nothing now
        Path stolen = assertDoesNotThrow(() -> Files.createTempDirectory("stolen"));
        assertDoesNotThrow(() -> Files.write(stolen.resolve(Keyring.FILE), keyringBefore));
        byte[] oldKey = assertInstanceOf(
                        Keyring.Unlocked.class,
                        Keyring.load(stolen).unlock("yz", second.toCharArray(), TestHome.CLOCK.instant()))
                .fileKey();
        assertEquals(
                "error.databaseKey",
                assertThrows(
                                UserFacingException.class,
                                () -> org.huyou.db.Database.openH2(data, oldKey).close())
                        .messageKey());
        assertEquals(
                "login.failed",
                assertThrows(
                                UserFacingException.class,
                                () -> HomeAccess.login(data, "yz", second.toCharArray(), TestHome.CLOCK))
                        .messageKey());
        // and the sealed key changed with it (yz, a director, held it): yz's copy opens no current sealed key
        byte[] yzSealed = assertInstanceOf(
                        Keyring.Unlocked.class,
                        Keyring.load(stolen).unlock("yz", second.toCharArray(), TestHome.CLOCK.instant()))
                .sealedKey();
        assertNotNull(yzSealed, "yz held the sealed key before");
        assertFalse(
                java.util.Arrays.equals(
                        org.huyou.security.SealedText.publicKeyOf(yzSealed),
                        Keyring.load(data).sealedPublicKey()),
                "the home's sealed key is a new one");
        assertFalse(Keyring.load(data).sealedRotationDue().isPresent(), "made at once, not left due");
        assertEquals(0, admin(List.of(), "accounts", "list", "--json"));
        assertTrue(
                out.toString()
                        .contains("\"username\":\"yz\",\"displayName\":\"王院长\","
                                + "\"roles\":[\"DIRECTOR\",\"SOCIAL_WORKER\"],\"active\":false"),
                out.toString());

        try (AppContext ctx = HomeAccess.login(data, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            List<AuditEntry> rows = ctx.audit().browse(AuditFilter.all(), 200).stream()
                    .filter(e -> "account".equals(e.entity())
                            && e.summary() != null
                            && e.summary().contains("yz")
                            && List.of("CREATE", "EDIT").contains(e.action()))
                    .toList();
            assertTrue(
                    rows.stream()
                            .anyMatch(e -> e.action().equals("CREATE")
                                    && org.huyou.security.AuditLabels.summary(e).equals("yz")),
                    rows.toString());
            assertEquals(3, rows.stream().filter(e -> e.action().equals("EDIT")).count(), rows.toString());
            assertTrue(rows.stream().allMatch(e -> e.username().equals(TestHome.ADMIN)), rows.toString());
            assertTrue(
                    ctx.audit().browse(AuditFilter.all(), 200).stream()
                            .anyMatch(e -> e.action().equals("SEALED_KEY_ROTATED")
                                    && "auditSummary.sealedRotated".equals(e.summaryKey())
                                    && e.summary().contains("auditSummary.reasonDeactivated")),
                    "the sealed rotation on record");
        }
    }

    @Test
    void refusalsNameTheFieldAndOnlyAnAdministratorMayManageAccounts() {
        assertEquals(1, admin(List.of("woaini1314", "woaini1314"), "accounts", "add", "yz", "--roles", "DIRECTOR"));
        assertTrue(err.toString().contains("密码：这个密码太常见"), err.toString());
        assertEquals(1, admin(List.of(FIRST, FIRST), "accounts", "add", "x!", "--roles", "DIRECTOR", "--json"));
        assertTrue(err.toString().contains("\"field\":\"username\""), err.toString());
        assertEquals(1, admin(List.of(FIRST, "other-Password-9"), "accounts", "add", "yz", "--roles", "DIRECTOR"));
        assertTrue(err.toString().contains("两次输入的密码不一致"), err.toString());
        assertEquals(1, admin(List.of(), "accounts", "add", "yz", "--roles", "NO_SUCH_ROLE"));
        assertEquals(1, admin(List.of(), "accounts", "deactivate", "nobody"));
        assertTrue(err.toString().contains("没有名为 nobody 的账户"), err.toString());
        assertEquals(1, admin(List.of(), "accounts", "deactivate", TestHome.ADMIN), "the last administrator stays");

        assertEquals(0, admin(List.of(FIRST, FIRST), "accounts", "add", "hg", "--roles", "CAREGIVER"));
        assertEquals(
                1,
                run(FIRST, List.of(), "accounts", "list", "--data-dir", data.toString(), "-u", "hg"),
                "a caregiver may not manage accounts");
        assertEquals(
                1,
                run(
                        FIRST,
                        List.of(FIRST, FIRST),
                        "accounts",
                        "add",
                        "hg2",
                        "--roles",
                        "ADMINISTRATOR",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        "hg"));
        assertEquals(
                1,
                run(
                        "wrong-password",
                        List.of(),
                        "accounts",
                        "list",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        TestHome.ADMIN),
                "a wrong password is refused like any command's");
    }

    @Test
    void anAdministratorIsWarnedOnceWhenTheLoginJournalWasEditedOutsideTheProgram() throws Exception {
        Path journal = data.resolve(org.huyou.security.LoginAttempts.FILE);
        assertEquals(
                1,
                run(
                        "wrong-password",
                        List.of(),
                        "accounts",
                        "list",
                        "--data-dir",
                        data.toString(),
                        "-u",
                        TestHome.ADMIN));
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(journal));
        int fail = lines.size() - 1;
        assertTrue(lines.get(fail).contains("\tFAIL\t"), lines.toString());
        lines.set(fail, lines.get(fail).replace("LOGIN_FAILED", "LOGIN"));
        java.nio.file.Files.write(journal, lines);

        assertEquals(0, admin(List.of(), "accounts", "list"));
        assertTrue(
                err.toString().contains("警告：自上次登录以来，登录记录文件在程序外被改动")
                        && err.toString().contains("被改动过"),
                err.toString()); // the line's diagnosis in the reader's language too
        assertEquals(0, admin(List.of(), "accounts", "list", "--json"));
        assertEquals("", err.toString(), "shown once");
    }

    @Test
    void aFileOfAccountsIsCreatedAllOrNothing() throws Exception {
        Path bad = dir.resolve("staff-bad.csv");
        java.nio.file.Files.writeString(
                bad,
                String.join(
                        "\n",
                        "用户名,姓名,角色,初始密码",
                        "yz,王院长,DIRECTOR,Yueliang-wan-77",
                        "hg1,李阿姨,CAREGIVER;MEDICAL_STAFF,",
                        "hg1,张阿姨,CAREGIVER,Yueliang-wan-78",
                        "cw,赵会计,FINANCE_OFFICER,12345678"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, admin(List.of(FIRST, FIRST), "accounts", "add", "--from", bad.toString()));
        assertTrue(
                err.toString().contains("第 4 行，用户名：")
                        && err.toString().contains("第 5 行，密码：")
                        && err.toString().contains("没有创建任何账户"),
                err.toString());
        assertEquals(0, admin(List.of(), "accounts", "list", "--json"));
        assertFalse(out.toString().contains("\"yz\""), "nothing was created: " + out);

        Path unknownRole = dir.resolve("staff-role.csv");
        java.nio.file.Files.writeString(unknownRole, "username,roles\nyz,BOSS\n");
        assertEquals(1, admin(List.of(), "accounts", "add", "--from", unknownRole.toString()));
        assertTrue(err.toString().contains("“BOSS”不是角色"), err.toString());

        Path good = dir.resolve("staff.csv");
        java.nio.file.Files.writeString(
                good,
                String.join(
                        "\n",
                        "username,display_name,roles,password",
                        "yz,王院长,DIRECTOR,Yueliang-wan-77",
                        "hg1,李阿姨,CAREGIVER;MEDICAL_STAFF,",
                        "hg2,张阿姨,caregiver,"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(
                0,
                admin(List.of(FIRST, FIRST), "accounts", "add", "--from", good.toString(), "--json"),
                err.toString());
        assertTrue(
                out.toString()
                        .contains("\"username\":\"hg1\",\"displayName\":\"李阿姨\","
                                + "\"roles\":[\"CAREGIVER\",\"MEDICAL_STAFF\"]"),
                out.toString());
        HomeAccess.login(data, "yz", "Yueliang-wan-77".toCharArray(), TestHome.CLOCK)
                .close();
        HomeAccess.login(data, "hg2", FIRST.toCharArray(), TestHome.CLOCK).close();
        assertEquals(1, admin(List.of(), "accounts", "add", "yz", "--from", good.toString()));
    }
}
