package org.huyou.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.huyou.common.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This PC's display preferences (language, theme, font size), kept in {@code preferences.properties}. */
public final class Preferences {

    public enum Theme {
        LIGHT,
        DARK
    }

    public enum FontSize {
        NORMAL(14),
        LARGE(16),
        LARGER(19);

        private final int px;

        FontSize(int px) {
            this.px = px;
        }

        public int px() {
            return px;
        }
    }

    /** Made when first used, not when the class loads: this class is on the way to the first window. */
    private static Logger log() {
        return LoggerFactory.getLogger(Preferences.class);
    }

    private final Path file;
    private Locale locale = Messages.CHINESE;
    private Theme theme = Theme.LIGHT;
    private FontSize fontSize = FontSize.NORMAL;
    /** Each user's last living group in the shift log on this PC (login name to group id). */
    private final Map<String, Long> lastGroups = new ConcurrentHashMap<>();

    private static final String LAST_GROUP = "shiftLog.lastGroup.";

    private Preferences(Path file) {
        this.file = file;
    }

    public static Preferences load(Path dataDir) {
        Preferences p = new Preferences(dataDir.resolve("preferences.properties"));
        if (Files.isRegularFile(p.file)) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(p.file, StandardCharsets.UTF_8)) {
                props.load(r);
                p.locale = "en".equals(props.getProperty("language")) ? Messages.ENGLISH : Messages.CHINESE;
                p.theme = parse(Theme.class, props.getProperty("theme"), Theme.LIGHT);
                p.fontSize = parse(FontSize.class, props.getProperty("fontSize"), FontSize.NORMAL);
                for (String key : props.stringPropertyNames()) {
                    if (key.startsWith(LAST_GROUP)) {
                        try {
                            p.lastGroups.put(
                                    key.substring(LAST_GROUP.length()), Long.parseLong(props.getProperty(key)));
                        } catch (NumberFormatException e) {
                            log().warn("Preference {} is not a group id; ignored", key);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                log().warn("Preferences at {} unreadable; using defaults", p.file, e);
            }
        }
        return p;
    }

    public void save() {
        Properties props = new Properties();
        props.setProperty("language", locale.getLanguage());
        props.setProperty("theme", theme.name());
        props.setProperty("fontSize", fontSize.name());
        lastGroups.forEach((user, group) -> props.setProperty(LAST_GROUP + user, Long.toString(group)));
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(w, "Huyou display preferences of this PC");
            }
        } catch (IOException e) {
            log().warn("Could not save preferences to {}", file, e);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return value == null ? fallback : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public Locale locale() {
        return locale;
    }

    public void setLocale(Locale locale) {
        this.locale = locale;
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
    }

    public FontSize fontSize() {
        return fontSize;
    }

    public void setFontSize(FontSize fontSize) {
        this.fontSize = fontSize;
    }

    /** The living group this user last worked on in the shift log on this PC, or null. */
    public Long lastGroup(String username) {
        return lastGroups.get(username);
    }

    public void setLastGroup(String username, long groupId) {
        lastGroups.put(username, groupId);
    }
}
