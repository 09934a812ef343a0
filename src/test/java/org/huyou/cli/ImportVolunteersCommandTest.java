package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.huyou.app.AppContext;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.huyou.volunteers.io.VolunteerImportTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code huyou import-volunteers} on a GB18030 CSV as Excel on a Chinese Windows saves it. */
@org.junit.jupiter.api.Tag("embedded-only")
class ImportVolunteersCommandTest {

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

    @Test
    void checkThenImportThenTheSameListAgainIsRefusedRowByRow() throws Exception {
        Path data = dir.resolve("home");
        try (AppContext ctx = TestHome.open(data)) {
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
        }
        Path f = dir.resolve("志愿者.csv");
        Files.write(
                f,
                String.join("\r\n", VolunteerImportTest.HEADER, VolunteerImportTest.GOOD_1, VolunteerImportTest.GOOD_2)
                        .getBytes(Charset.forName("GB18030")));
        String d = data.toString();
        assertEquals(0, run("import-volunteers", "--data-dir", d, "-u", "sw", "--check", f.toString()), err.toString());
        assertTrue(out.toString().contains("2"), out.toString());
        try (AppContext ctx = TestHome.open(data)) {
            TestHome.loginAs(ctx, "sw2", Role.SOCIAL_WORKER);
            assertEquals(0, ctx.volunteers().list(null, 10).size(), "--check imports nothing");
        }
        assertEquals(0, run("import-volunteers", "--data-dir", d, "-u", "sw", f.toString()), err.toString());
        assertTrue(out.toString().contains("已导入 2 名志愿者"), out.toString());

        assertEquals(1, run("import-volunteers", "--data-dir", d, "-u", "sw", f.toString()));
        assertTrue(err.toString().contains("第 2 行，身份证号") && err.toString().contains("第 3 行，联系电话"), err.toString());
        try (AppContext ctx = TestHome.open(data)) {
            TestHome.loginAs(ctx, "sw3", Role.SOCIAL_WORKER);
            assertEquals(2, ctx.volunteers().list(null, 10).size());
        }

        Path own = dir.resolve("own.csv");
        Files.writeString(own, "志愿者姓名,手机,备注\n周青,13100007777,老志愿者\n");
        assertEquals(1, run("import-volunteers", "--data-dir", d, "-u", "sw", "--check", own.toString()));
        assertTrue(err.toString().contains("第 1 行，备注"), err.toString());
        assertEquals(
                0,
                run("import-volunteers", "--data-dir", d, "-u", "sw", "--map", "备注=ignore", own.toString()),
                err.toString());
        Path template = dir.resolve("模板.csv");
        assertEquals(0, run("import-volunteers", "--data-dir", d, "-u", "sw", "--template", template.toString()));
        assertTrue(Files.readString(template).contains("背景审查日期"));
    }
}
