package org.huyou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huyou.common.Faults;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data folders are a class of fault (issue 26): every command in the command line's registry, run as the
 * launcher runs it in a process of its own (the real start-up and logging configuration), on a folder that is a file,
 * one under a file, a mistyped one, a read-only home and a home this account may not open, answers with one sentence
 * naming the folder (or one JSON object), exit 1 or 2, no exception, no stack trace, no logging-library line, and
 * creates nothing. As root the process runs without the capabilities that pass over file permissions (setpriv), so
 * the read-only and the forbidden folders are really so.
 */
@org.junit.jupiter.api.Tag("embedded-only") // data folders of embedded homes, and a process of the launcher
class CliFaultsTest {

    @TempDir
    Path dir;

    /** Commands whose folder may be new: a mistyped folder is theirs to create. */
    static final Set<String> MAKE_A_HOME = Set.of("init", "generate");

    /**
     * Commands for which a folder not there yet is fine (a new PC's restore, a PC joining a server): on a mistyped
     * folder they are refused for what else is missing here (the backup file, the server's address), and create
     * nothing either.
     */
    static final Set<String> MAY_BE_NEW = Set.of("restore", "connect");

    static final Pattern LOGGER_LINE = Pattern.compile(
            "(?m)(SLF4J|logback|ch\\.qos|org\\.h2\\.|org\\.flywaydb|org\\.jooq|^\\s*(TRACE|DEBUG|INFO|WARN|ERROR)\\b|"
                    + "\\d\\d:\\d\\d:\\d\\d[.,]\\d{3})");

    @Test
    void everyCommandRefusesEveryBadFolderWithOneSentenceAndCreatesNothing() throws Exception {
        Path home = dir.resolve("home");
        TestHome.open(home).close();
        Path readOnly = dir.resolve("read-only-home");
        Path forbidden = dir.resolve("forbidden-home");
        copyTree(home, readOnly);
        copyTree(home, forbidden);
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Map<String, Path> kinds = new java.util.LinkedHashMap<>();
        kinds.put("file", file);
        kinds.put("under-file", file.resolve("home"));
        kinds.put("mistyped", dir.resolve("hoem"));
        kinds.put("read-only", readOnly);
        kinds.put("forbidden", forbidden);
        List<String> before = listing(readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        Files.setPosixFilePermissions(forbidden, PosixFilePermissions.fromString("---------"));
        List<String> lines;
        try {
            lines = runProbe(scratch, kinds);
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(forbidden, PosixFilePermissions.fromString("rwx------"));
        }
        List<String> commands = CliFaultProbe.commands();
        assertTrue(commands.size() >= 16, commands.toString());
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            String kind = f[0];
            String command = f[1];
            boolean json = Boolean.parseBoolean(f[2]);
            int code = Integer.parseInt(f[3]);
            String out = new String(Base64.getDecoder().decode(f[4]), StandardCharsets.UTF_8);
            String err = new String(Base64.getDecoder().decode(f[5]), StandardCharsets.UTF_8);
            String what = kind + " / " + f[6] + ": exit " + code + "\nout: " + out + "\nerr: " + err;
            checked++;
            String all = out + err;
            if (code != 1 && code != 2) {
                problems.add("exit code: " + what);
            }
            if (all.contains("Exception")
                    || all.contains("\tat ")
                    || LOGGER_LINE.matcher(all).find()) {
                problems.add("exception or logger output: " + what);
            }
            if (!out.isBlank()) {
                problems.add("a refusal prints nothing on standard output: " + what);
            }
            List<String> errLines = err.lines().filter(l -> !l.isBlank()).toList();
            if (errLines.size() != 1) {
                problems.add("one line: " + what);
            } else if (json && !(errLines.get(0).startsWith("{\"ok\":false,\"exitCode\":" + code))) {
                problems.add("one JSON object: " + what);
            } else if (!(kind.equals("mistyped") && MAY_BE_NEW.contains(command))
                    && !errLines.get(0).contains(kinds.get(kind).getFileName().toString())) {
                problems.add("names the folder: " + what);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n\n", problems));
        assertEquals(commands.size() * kinds.size() * 2 - MAKE_A_HOME.size() * 2, checked);
        assertFalse(Files.exists(dir.resolve("hoem")), "a mistyped folder is not created");
        assertTrue(Files.isRegularFile(file), "the file stays a file");
        assertEquals(before, listing(readOnly), "nothing written into the read-only home");
        assertEquals(listing(home).size(), listing(forbidden).size(), "nothing written into the forbidden home");
    }

    /** The probe in a process of its own, as root without the capabilities that ignore permissions. */
    private List<String> runProbe(Path scratch, Map<String, Path> kinds) throws Exception {
        Path result = dir.resolve("probe.tsv");
        List<String> cmd = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            assertTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "as root the test needs setpriv");
            cmd.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"));
        }
        cmd.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dfile.encoding=UTF-8",
                CliFaultProbe.class.getName(),
                result.toString(),
                scratch.toString()));
        kinds.forEach((k, p) -> cmd.add(k + "=" + p));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put(HuyouCli.PASSWORD_VARIABLE, TestHome.PASSWORD);
        pb.environment().put("HUYOU_HOME", dir.resolve("never-used").toString());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))); // nothing waits for input
        Path console = dir.resolve("probe.console");
        pb.redirectOutput(console.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not end: " + Files.readString(console));
        }
        String printed = Files.readString(console);
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.isBlank(), "nothing printed outside the commands' own words: " + printed);
        return Files.readAllLines(result, StandardCharsets.UTF_8);
    }

    /** A full disk, a forbidden file, a file for a folder: named in one sentence, damage (2) or a mistake (1). */
    @Test
    void fileSystemFaultsAreSentencesNamingTheFile() {
        Faults.Fault full = Faults.describe(new java.io.UncheckedIOException(
                new java.nio.file.FileSystemException("/data/huyou/huyou.mv.db", null, "No space left on device")));
        assertTrue(
                full.damage()
                        && full.message().contains("/data/huyou/huyou.mv.db")
                        && full.message().contains("磁盘已满"),
                full.toString());
        Faults.Fault denied =
                Faults.describe(new RuntimeException(new java.nio.file.AccessDeniedException("/data/huyou")));
        assertTrue(!denied.damage() && denied.message().contains("/data/huyou"), denied.toString());
        Faults.Fault notDir =
                Faults.describe(new java.nio.file.FileSystemException("/data/f", null, "Not a directory"));
        assertTrue(!notDir.damage() && notDir.message().contains("/data/f"), notDir.toString());
        Faults.Fault bug = Faults.describe(new IllegalStateException("x"));
        assertTrue(bug.damage() && !bug.message().contains("IllegalState"), bug.toString());
        HuyouCli cli = new HuyouCli(p -> new char[0], TestHome.CLOCK, new java.io.StringReader(""));
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(
                2,
                cli.refuse(
                        new java.io.PrintWriter(err),
                        new java.io.UncheckedIOException(new java.nio.file.FileSystemException(
                                "/data/huyou/backups/x.part", null, "No space left on device"))));
        assertTrue(err.toString().contains("x.part") && !err.toString().contains("Exception"), err.toString());
    }

    static List<String> listing(Path folder) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
