package org.huyou.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huyou.cli.HuyouCli;
import org.huyou.common.io.PrivateFiles;
import org.huyou.security.Keyring;
import org.huyou.shell.GuiMain;

/**
 * The one entry point: {@code java -jar huyou.jar} opens the window; {@code java -jar huyou.jar <command> ...}
 * runs the command line. Not a JavaFX Application subclass, so that JavaFX loads from the class path.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        if (isGui(args)) {
            Path dataDir = DataDirs.resolve(dataDirArgument(args));
            // The window's first start makes the home here; a folder that cannot be one is refused by the window
            // with a dialog (HuyouApp), not by a stack trace.
            try {
                PrivateFiles.createFolder(dataDir);
            } catch (IOException | RuntimeException notUsable) {
                // told in the window
            }
            guiFolder = dataDir;
            prepare(dataDir);
            GuiMain.launch(dataDir);
        } else {
            System.exit(runCommandLine(args));
        }
    }

    /**
     * A command, from the process's start: nothing is created before the command has checked its folder (a
     * mistyped {@code --data-dir} stays uncreated), and nothing but the command's own words reaches the console.
     */
    public static int runCommandLine(String... args) {
        try {
            prepare(DataDirs.resolve(dataDirArgument(args)));
            return HuyouCli.run(args);
        } catch (Throwable t) { // even an Error: one sentence, never a stack trace
            return HuyouCli.lastResort(t, args);
        }
    }

    /**
     * Before the first logger exists: the log goes to the home's {@code logs/} when the folder is a home (or the
     * window's folder), else to a folder in the system's temporary folder, so that logging never creates, or fails
     * on, a folder the command has not accepted. The home is made owner-only again (a copy may have widened it).
     */
    static void prepare(Path dataDir) {
        boolean home = DataFolder.writableFolder(dataDir) && Files.exists(dataDir.resolve(Keyring.FILE));
        Path logDir = home || DataFolder.writableFolder(dataDir) && isGuiFolder(dataDir)
                ? dataDir.resolve("logs")
                : Path.of(System.getProperty("java.io.tmpdir"), "huyou-logs-" + System.getProperty("user.name"));
        System.setProperty("huyou.logDir", logDir.toString());
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (home) {
            PrivateFiles.secure(dataDir);
        }
    }

    private static volatile Path guiFolder;

    private static boolean isGuiFolder(Path dataDir) {
        return dataDir.equals(guiFolder);
    }

    /** The window opens when the arguments hold nothing but an optional {@code --data-dir}. */
    static boolean isGui(String[] args) {
        return args.length == 0
                || (args.length == 1 && args[0].startsWith("--data-dir="))
                || (args.length == 2 && args[0].equals("--data-dir"));
    }

    static String dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--data-dir=")) {
                return args[i].substring("--data-dir=".length());
            }
        }
        return null;
    }
}
