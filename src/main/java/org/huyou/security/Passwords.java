package org.huyou.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

    private Passwords() {
    }

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
        if (username != null && username.strip().length() >= 3
                && p.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return "account.passwordHasUsername";
        }
        if (homeName != null && containsHomeName(p, homeName.strip())) {
            return "account.passwordHasHomeName";
        }
        return null;
    }

    private static final String[] RUNS = {"01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl",
        "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp", "1q2w3e4r5t6y7u8i9o0p",
        "147258369", "789456123", "741852963", "159357"};

    /** 12345678, hgfedcba, qwertyui, 1qaz2wsx..., or a short piece repeated (abcabcabc, 52015201). */
    private static boolean isRunOrRepetition(String p) {
        for (String run : RUNS) {
            String twice = run + run;
            if (twice.contains(p) || new StringBuilder(twice).reverse().toString().contains(p)) {
                return true;
            }
        }
        for (int unit = 1; unit <= p.length() / 2; unit++) {
            if (p.length() % unit == 0 && p.substring(0, unit).repeat(p.length() / unit).equals(p) && unit <= 4) {
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
        java.util.Set<String> list = CommonList.WORDS;
        String core = p.replaceAll("^[^\\p{L}@$]+|[^\\p{L}]+$", "");
        String plain = core.replace('@', 'a').replace('0', 'o').replace('3', 'e').replace('$', 's');
        return list.contains(p) || core.length() >= 3 && (list.contains(core) || list.contains(plain)
                || list.contains(plain.replace('1', 'i')) || list.contains(plain.replace('1', 'l')));
    }

    /** The home's name or two or more of its characters in a row, in characters or pinyin (binzhou2024). */
    private static boolean containsHomeName(String p, String home) {
        if (home.isEmpty()) {
            return false;
        }
        if (p.contains(home.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String initials = org.huyou.common.Pinyin.initials(home);
        if (initials.length() >= 4 && p.contains(initials)) {
            return true;
        }
        for (int from = 0; from < home.length(); from++) {
            for (int to = from + 2; to <= Math.min(home.length(), from + 4); to++) {
                String part = home.substring(from, to);
                String pinyin = org.huyou.common.Pinyin.full(part);
                if (p.contains(part) || pinyin.length() >= 5 && p.contains(pinyin)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many passwords the bundled list holds (for tests and the README). */
    static int commonListSize() {
        return CommonList.WORDS.size();
    }

    /** The bundled list, read when first needed. */
    private static final class CommonList {
        static final java.util.Set<String> WORDS = load();

        private static java.util.Set<String> load() {
            try (var in = Passwords.class.getResourceAsStream("common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("common-passwords.txt missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(java.util.stream.Collectors
                                .toUnmodifiableSet());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
