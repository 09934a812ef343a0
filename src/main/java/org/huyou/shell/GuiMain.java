package org.huyou.shell;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX application on a data folder. */
public final class GuiMain {

    private static volatile Path dataDir;

    private GuiMain() {}

    public static void launch(Path dir) {
        dataDir = dir;
        Application.launch(HuyouApp.class);
    }

    static Path dataDir() {
        return dataDir;
    }
}
