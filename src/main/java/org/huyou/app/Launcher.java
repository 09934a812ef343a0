package org.huyou.app;

import java.nio.file.Path;
import org.huyou.cli.HuyouCli;
import org.huyou.shell.GuiMain;

/**
 * The one entry point: {@code java -jar huyou.jar} opens the window; {@code java -jar huyou.jar <command> ...}
 * runs the command line. Not a JavaFX Application subclass, so that JavaFX loads from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        String dataDirArg = dataDirArgument(args);
        Path dataDir = DataDirs.resolve(dataDirArg);
        // Owner-only before anything (the log first) is written there; fixed again at every start.
        try {
            org.huyou.common.io.PrivateFiles.createFolder(dataDir);
        } catch (java.io.IOException | RuntimeException notYetWritable) {
            // reported by whatever first needs the folder, with a sentence
        }
        org.huyou.common.io.PrivateFiles.secure(dataDir);
        // Before the first logger exists: logback.xml writes to <data dir>/logs.
        System.setProperty("huyou.logDir", dataDir.resolve("logs").toString());
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (isGui(args)) {
            GuiMain.launch(dataDir);
        } else {
            System.exit(HuyouCli.run(args));
        }
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
