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
class HuyouCliTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = HuyouCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void demoThenExportThenImportIntoAnotherHome() throws Exception {
        Path data = dir.resolve("home");
        assertEquals(0, run("--data-dir", data.toString(), "demo"));
        assertTrue(out.toString().contains("72"), out.toString());
        assertEquals(2, run("demo", "--data-dir", data.toString()), "a second demo is refused");
        assertTrue(err.toString().contains("示例数据只能载入空数据库"), err.toString());

        Path csv = dir.resolve("register.csv");
        assertEquals(0, run("export-residents", "--data-dir", data.toString(), "--out", csv.toString(),
                "--full-id-numbers"));
        assertEquals(73, Files.readAllLines(csv, StandardCharsets.UTF_8).size());

        Path other = dir.resolve("other");
        assertEquals(0, run("import-residents", "--data-dir", other.toString(), csv.toString()));
        try (AppContext ctx = TestHome.open(other)) {
            assertEquals(72, ctx.residents().countAll());
        }
    }

    @Test
    void importWithABadRowPrintsTheReportAndExitsNonZero() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, String.join("\n", org.huyou.residents.io.ResidentImportTest.HEADER,
                org.huyou.residents.io.ResidentImportTest.GOOD_1, org.huyou.residents.io.ResidentImportTest.BAD_ID));
        Path data = dir.resolve("home");
        assertEquals(1, run("import-residents", "--data-dir", data.toString(), f.toString()));
        assertTrue(err.toString().contains("第 3 行，身份证号"), err.toString());
        try (AppContext ctx = TestHome.open(data)) {
            assertEquals(0, ctx.residents().countAll());
        }
    }

    @Test
    void unreadableFileIsAClearMessage() {
        assertEquals(2, run("import-residents", "--data-dir", dir.toString(), dir.resolve("nope.xlsx").toString()));
        assertTrue(err.toString().contains("无法读取文件"), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"demo", "import-residents", "export-residents"}) {
            assertEquals(0, run(c, "--help"));
        }
        assertTrue(out.toString().contains("--data-dir"));
    }
}
