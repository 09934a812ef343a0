package org.huyou.common.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The one place a file name is made from text a user typed (a resident's name or record number, a volunteer's name,
 * a receipt number, a date range): a record number {@code x/../../../escaped} once wrote a placement plan outside the
 * chosen folder (issue 26). The name holds no path separator, no {@code ..}, no control or direction-changing
 * character, none of Windows' forbidden characters, is not one of Windows' reserved device names, does not end in a
 * dot or space, fits every file system ({@value #MAX_CHARS} characters and {@value #MAX_BYTES} bytes of UTF-8, the
 * extension kept), and is never empty. {@link #inside} also checks that the file stays in its folder.
 */
public final class SafeFileNames {

    static final int MAX_CHARS = 120;
    /** ext4 and most Linux file systems allow 255 bytes per name; Chinese takes three bytes a character. */
    static final int MAX_BYTES = 240;

    private static final String FALLBACK = "file";
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final Set<String> RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "COM0", "LPT0", "CONIN$", "CONOUT$");

    private SafeFileNames() {}

    /** A safe file name from user text and an extension written by the program ("pdf", without the dot). */
    public static String of(String userText, String extension) {
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("not an extension: " + extension);
        }
        String suffix = "." + extension;
        String base = clean(userText == null ? "" : userText);
        base = fit(base, MAX_CHARS - suffix.length(), MAX_BYTES - suffix.length());
        base = trimEnds(base);
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        String stem = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
        if (RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            base = "_" + base;
        }
        return base + suffix;
    }

    /**
     * The file in {@code dir} named from user text, checked to be a direct child of the folder (a last guard: the name
     * cannot leave it).
     */
    public static Path inside(Path dir, String userText, String extension) {
        return child(dir, of(userText, extension));
    }

    /**
     * A file in {@code dir} named from user text that does not exist yet: the safe name, else the same with
     * {@code " (2)"}, {@code " (3)"} ... before the extension. The name is cleaned and cut first and the number is
     * put after the cut, so a long title cannot lose its number to the cut and repeat a name forever.
     */
    public static Path unique(Path dir, String userText, String extension) {
        return child(dir, unique(userText, extension, name -> Files.exists(child(dir, name))));
    }

    /**
     * A safe name from user text that {@code taken} does not refuse, numbered as {@link #unique(Path, String, String)}
     * numbers files: for names inside an archive, where no folder says what exists.
     */
    public static String unique(String userText, String extension, Predicate<String> taken) {
        String name = of(userText, extension);
        if (!taken.test(name)) {
            return name;
        }
        String suffix = "." + extension;
        String base = name.substring(0, name.length() - suffix.length());
        for (int i = 2; ; i++) {
            String tag = " (" + i + ")";
            String cut = trimEnds(
                    fit(base, MAX_CHARS - suffix.length() - tag.length(), MAX_BYTES - suffix.length() - tag.length()));
            String numbered = (cut.isEmpty() ? FALLBACK : cut) + tag + suffix;
            if (!taken.test(numbered)) {
                return numbered;
            }
        }
    }

    /** The file of that (already safe) name in {@code dir}, checked to be a direct child of the folder. */
    private static Path child(Path dir, String safeName) {
        Path folder = dir.toAbsolutePath().normalize();
        Path file = folder.resolve(safeName).normalize();
        if (!folder.equals(file.getParent())) {
            throw new IllegalStateException("a file name left its folder: " + file);
        }
        return file;
    }

    /** Whether text may serve in a file name as it is: no path separator and no control character. */
    public static boolean plain(String text) {
        return text.codePoints().noneMatch(c -> c == '/' || c == '\\' || control(c));
    }

    private static boolean control(int c) {
        int type = Character.getType(c);
        // FORMAT: zero-width and direction-changing marks (U+202E can disguise "fdp.exe" as "exe.pdf")
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (control(c) || "/\\<>:\"|?*".indexOf(c) >= 0) {
                b.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                b.append(' ');
            } else {
                b.appendCodePoint(c);
            }
        });
        // no "..": a run of dots becomes one
        return trimEnds(b.toString().replaceAll("\\.{2,}", ".").replaceAll(" {2,}", " "));
    }

    /** No leading or trailing dots and spaces (Windows drops trailing ones; a leading dot hides the file). */
    private static String trimEnds(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == '.' || s.charAt(from) == ' ')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == '.' || s.charAt(to - 1) == ' ')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Cut by whole code points to at most {@code chars} UTF-16 characters and {@code bytes} bytes of UTF-8. */
    private static String fit(String s, int chars, int bytes) {
        int end = 0;
        int used = 0;
        while (end < s.length()) {
            int c = s.codePointAt(end);
            int next = end + Character.charCount(c);
            used += new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (next > chars || used > bytes) {
                break;
            }
            end = next;
        }
        return s.substring(0, end);
    }
}
