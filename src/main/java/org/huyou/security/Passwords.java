package org.huyou.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.common.Pinyin;

/**
 * Argon2id with OWASP's minimum set explicitly (m = 19 MiB, t = 2, p = 1; the library's own default is lower):
 * password hashes in PHC form, and raw keys derived from passwords to wrap the database key.
 */
public final class Passwords {

    public static final int MEMORY_KIB = 19456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, 32, Argon2.ID, 19);
    public static final int MIN_LENGTH = 8;

    /** Argon2 runs made by each thread: lets a test see that a refusal costs the same work, without a stopwatch. */
    private static final ThreadLocal<long[]> ARGON2_RUNS = ThreadLocal.withInitial(() -> new long[1]);

    private Passwords() {}

    /** How many Argon2 runs (hashes, checks, key derivations) the calling thread has made. */
    public static long runsOnThisThread() {
        return ARGON2_RUNS.get()[0];
    }

    /** A PHC string: $argon2id$v=19$m=19456,t=2,p=1$salt$hash. */
    public static String hash(String password) {
        ARGON2_RUNS.get()[0]++;
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean verify(String password, String phc) {
        if (password == null || phc == null) {
            return false;
        }
        ARGON2_RUNS.get()[0]++;
        return Argon2Function.getInstanceFromHash(phc).check(password, phc);
    }

    /** A 256-bit key from a password and salt, to wrap the database key. */
    public static byte[] deriveKey(char[] password, byte[] salt) {
        byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
        ARGON2_RUNS.get()[0]++;
        return ARGON2ID.hash(pw, salt).getBytes();
    }

    /**
     * Why a new password is refused, as a message key, or null when it is acceptable: too short, one of the common
     * passwords (bundled list, also with digits or symbols around it, also in "l33t" spelling), (almost) one
     * character repeated, a run or repetition of digits, letters or neighbouring keys, a date, or the user's login name or the
     * home's name (in characters or pinyin) inside it.
     */
    public static String weakness(String password, String username, String homeName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "account.passwordTooShort";
        }
        String p = password.toLowerCase(Locale.ROOT);
        if (p.chars().distinct().count() == 1) {
            return "account.passwordOneChar";
        }
        if (isRunOrRepetition(p)) {
            return "account.passwordSequence";
        }
        if (p.matches("(19|20)\\d\\d[-./]?(0?[1-9]|1[0-2])[-./]?(0?[1-9]|[12]\\d|3[01])")
                || p.matches("(0?[1-9]|1[0-2])[-./]?(0?[1-9]|[12]\\d|3[01])[-./]?(19|20)\\d\\d")) {
            return "account.passwordDate";
        }
        if (p.chars().distinct().count() < 4) { // aaaa1111, 88888888x
            return "account.passwordOneChar";
        }
        if (isCommon(p)) {
            return "account.passwordCommon";
        }
        if (username != null
                && username.strip().length() >= 3
                && p.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return "account.passwordHasUsername";
        }
        if (homeName != null && containsHomeName(p, homeName.strip())) {
            return "account.passwordHasHomeName";
        }
        return null;
    }

    private static final String[] RUNS = {
        "01234567890",
        "abcdefghijklmnopqrstuvwxyz",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "qazwsxedcrfvtgbyhnujmikolp",
        "1q2w3e4r5t6y7u8i9o0p",
        "147258369",
        "789456123",
        "741852963",
        "159357"
    };

    /** 12345678, hgfedcba, qwertyui, 1qaz2wsx..., or a short piece repeated (abcabcabc, 52015201). */
    private static boolean isRunOrRepetition(String p) {
        for (String run : RUNS) {
            String twice = run + run;
            if (twice.contains(p)
                    || new StringBuilder(twice).reverse().toString().contains(p)) {
                return true;
            }
        }
        for (int unit = 1; unit <= p.length() / 2; unit++) {
            if (p.length() % unit == 0
                    && p.substring(0, unit).repeat(p.length() / unit).equals(p)
                    && unit <= 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * The password is on the list, or its core is: digits and symbols around it taken off (zhangwei1990, password1!),
     * and "l33t" spelling undone (p@ssw0rd).
     */
    private static boolean isCommon(String p) {
        Set<String> list = CommonList.WORDS;
        String core = p.replaceAll("^[^\\p{L}@$]+|[^\\p{L}]+$", "");
        String plain =
                core.replace('@', 'a').replace('0', 'o').replace('3', 'e').replace('$', 's');
        return list.contains(p)
                || core.length() >= 3
                        && (list.contains(core)
                                || list.contains(plain)
                                || list.contains(plain.replace('1', 'i'))
                                || list.contains(plain.replace('1', 'l')));
    }

    /**
     * The home's name, its pinyin or initials, or one of its meaningful parts (binzhou2024, ertong-…): a part is a
     * word of the name of at least 2 characters (the place, the place with 市/县…, 儿童, 福利院), in characters or in
     * pinyin of at least 4 letters. Not any two characters in a row: those across words (市儿 → shier, 州市 →
     * zhoushi) refused ordinary passwords and protected nothing an attacker would guess.
     */
    private static boolean containsHomeName(String p, String home) {
        if (home.isEmpty()) {
            return false;
        }
        String name = home.toLowerCase(Locale.ROOT);
        if (p.contains(name) || p.contains(Pinyin.full(home))) {
            return true;
        }
        String initials = Pinyin.initials(home);
        if (initials.length() >= 4 && p.contains(initials)) {
            return true;
        }
        for (String part : homeNameParts(name)) {
            String pinyin = Pinyin.full(part);
            if (p.contains(part) || pinyin.length() >= 4 && p.contains(pinyin)) {
                return true;
            }
        }
        return false;
    }

    /** The generic words of a home's name, longest first; what lies between them is the place. */
    private static final List<String> NAME_WORDS = List.of(
            "救助管理站", "社会福利", "福利中心", "福利院", "救助站", "儿童村", "儿童", "社会", "福利", "中心", "之家", "养育", "自治州", "自治县", "地区", "省",
            "市", "县", "区", "镇", "乡"); // not 州 or 旗 alone: they end place names (滨州)

    private static final Set<String> ADMINISTRATIVE = Set.of("省", "市", "县", "区", "镇", "乡", "地区", "自治州", "自治县");

    /**
     * The meaningful parts of a home's name: its generic words of two characters or more, each place between them
     * (two characters or more, or one with its 市/县… after it), and each place with its 市/县…; a name in Latin
     * letters: its words of four letters or more.
     */
    static List<String> homeNameParts(String name) {
        List<String> parts = new ArrayList<>();
        for (String w : name.split("[^\\p{IsLatin}]+")) {
            if (w.length() >= 4) {
                parts.add(w);
            }
        }
        StringBuilder place = new StringBuilder();
        int i = 0;
        while (i <= name.length()) {
            String word = null;
            for (String w : NAME_WORDS) {
                if (name.startsWith(w, i)) {
                    word = w;
                    break;
                }
            }
            if (word == null && i < name.length()) {
                char c = name.charAt(i++);
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    place.append(c);
                } else {
                    addPlace(parts, place, null);
                }
                continue;
            }
            addPlace(parts, place, word != null && ADMINISTRATIVE.contains(word) ? word : null);
            if (word == null) {
                break;
            }
            if (word.length() >= 2) {
                parts.add(word);
            }
            i += word.length();
        }
        return parts;
    }

    private static void addPlace(List<String> parts, StringBuilder place, String suffix) {
        if (place.length() >= 2) {
            parts.add(place.toString());
        }
        if (place.length() >= 1 && suffix != null) {
            parts.add(place + suffix);
        }
        place.setLength(0);
    }

    /** How many passwords the bundled list holds (for tests and the README). */
    static int commonListSize() {
        return CommonList.WORDS.size();
    }

    /** The bundled list, read when first needed. */
    private static final class CommonList {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            try (var in = Passwords.class.getResourceAsStream("common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("common-passwords.txt missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
