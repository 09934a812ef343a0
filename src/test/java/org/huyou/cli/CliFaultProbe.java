package org.huyou.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.huyou.app.Launcher;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The child process of {@link CliFaultsTest}: runs every command of the command line's registry, as the launcher runs
 * it (the same start-up, the real logging configuration), on each bad folder given, with and without --json, and
 * writes down per run the exit code and everything printed on standard output and error.
 * Arguments: the result file, a writable scratch folder, then kind=folder pairs.
 */
public final class CliFaultProbe {

    private CliFaultProbe() {}

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        List<String> lines = new ArrayList<>();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        for (String command : commands()) {
            for (int i = 2; i < args.length; i++) {
                String kind = args[i].substring(0, args[i].indexOf('='));
                Path folder = Path.of(args[i].substring(args[i].indexOf('=') + 1));
                if (kind.equals("mistyped") && CliFaultsTest.MAKE_A_HOME.contains(command)) {
                    continue; // a new folder is what these make
                }
                for (boolean json : new boolean[] {false, true}) {
                    List<String> words = arguments(command, folder, scratch, json);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    int code;
                    try {
                        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                        code = Launcher.runCommandLine(words.toArray(String[]::new));
                    } finally {
                        System.setOut(realOut);
                        System.setErr(realErr);
                    }
                    lines.add(String.join(
                            "\t",
                            kind,
                            command,
                            Boolean.toString(json),
                            Integer.toString(code),
                            b64(out),
                            b64(err),
                            String.join(" ", words)));
                }
            }
        }
        Files.write(result, lines, StandardCharsets.UTF_8);
    }

    /** Every command in the registry. */
    static List<String> commands() {
        return new ArrayList<>(HuyouCli.commandLine(p -> new char[0], java.time.Clock.systemUTC())
                .getSubcommands()
                .keySet());
    }

    /** The command with the folder, a user, and a value for each required option and parameter. */
    static List<String> arguments(String command, Path folder, Path scratch, boolean json) {
        CommandLine c = HuyouCli.commandLine(p -> new char[0], java.time.Clock.systemUTC())
                .getSubcommands()
                .get(command);
        List<String> words = new ArrayList<>(List.of(command, "--data-dir", folder.toString(), "-u", "admin"));
        for (OptionSpec o : c.getCommandSpec().options()) {
            if (o.required()) {
                words.add(o.longestName());
                words.add(o.longestName().contains("data-dir") ? folder.toString() : value(o.type(), scratch));
            }
        }
        for (PositionalParamSpec p : c.getCommandSpec().positionalParameters()) {
            if (p.required()) {
                words.add(value(p.type(), scratch));
            }
        }
        if (json) {
            words.add("--json");
        }
        return words;
    }

    private static String value(Class<?> type, Path scratch) {
        if (type == java.time.LocalDate.class) {
            return "2026-01-01";
        }
        if (type == java.time.YearMonth.class) {
            return "2026-01";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "2026";
        }
        if (type == Path.class || type == java.io.File.class) {
            return scratch.resolve("some.file").toString();
        }
        return "x";
    }

    private static String b64(ByteArrayOutputStream b) {
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }
}
