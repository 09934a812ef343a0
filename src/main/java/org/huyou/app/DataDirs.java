package org.huyou.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a home's data lives: {@code --data-dir}, else {@code HUYOU_HOME}, else the operating system's per-user
 * application data folder.
 */
public final class DataDirs {

    private DataDirs() {}

    public static Path resolve(String cliDataDir, Map<String, String> env, String osName, String userHome) {
        if (cliDataDir != null && !cliDataDir.isBlank()) {
            return Path.of(cliDataDir).toAbsolutePath();
        }
        String fromEnv = env.get("HUYOU_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Huyou") : Path.of(userHome, "AppData", "Roaming", "Huyou");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Huyou");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "huyou") : Path.of(userHome, ".local", "share", "huyou");
    }

    public static Path resolve(String cliDataDir) {
        return resolve(cliDataDir, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }
}
