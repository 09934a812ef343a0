package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("embedded-only") // the launcher's own arguments and folders, no database
class LauncherTest {

    @Test
    void windowOpensWithoutArgumentsOrWithOnlyADataDir() {
        assertTrue(Launcher.isGui(new String[0]));
        assertTrue(Launcher.isGui(new String[] {"--data-dir", "/tmp/x"}));
        assertTrue(Launcher.isGui(new String[] {"--data-dir=/tmp/x"}));
        assertFalse(Launcher.isGui(new String[] {"demo"}));
        assertFalse(Launcher.isGui(new String[] {"--data-dir", "/tmp/x", "demo"}));
        assertEquals("/tmp/x", Launcher.dataDirArgument(new String[] {"demo", "--data-dir", "/tmp/x"}));
        assertNull(Launcher.dataDirArgument(new String[] {"demo"}));
    }

    @Test
    void dataFolderFollowsFlagThenEnvironmentThenOs() {
        Map<String, String> env = Map.of("HUYOU_HOME", "/srv/huyou", "APPDATA", "C:\\Users\\a\\AppData\\Roaming");
        assertEquals(Path.of("/data").toAbsolutePath(), DataDirs.resolve("/data", env, "Linux", "/home/a"));
        assertEquals(Path.of("/srv/huyou").toAbsolutePath(), DataDirs.resolve(null, env, "Linux", "/home/a"));
        assertEquals(Path.of("/home/a/.local/share/huyou"), DataDirs.resolve(null, Map.of(), "Linux", "/home/a"));
        assertEquals(
                Path.of("/Users/a/Library/Application Support/Huyou"),
                DataDirs.resolve(null, Map.of(), "Mac OS X", "/Users/a"));
        assertEquals(
                Path.of("C:\\Users\\a\\AppData\\Roaming", "Huyou"),
                DataDirs.resolve(
                        null, Map.of("APPDATA", "C:\\Users\\a\\AppData\\Roaming"), "Windows 11", "C:\\Users\\a"));
    }
}
