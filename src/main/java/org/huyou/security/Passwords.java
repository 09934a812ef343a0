package org.huyou.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;

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

    private Passwords() {
    }

    /** A PHC string: $argon2id$v=19$m=19456,t=2,p=1$salt$hash. */
    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean verify(String password, String phc) {
        if (password == null || phc == null) {
            return false;
        }
        return Argon2Function.getInstanceFromHash(phc).check(password, phc);
    }

    /** A 256-bit key from a password and salt, to wrap the database key. */
    public static byte[] deriveKey(char[] password, byte[] salt) {
        byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
        return ARGON2ID.hash(pw, salt).getBytes();
    }

    /** Why a new password is refused, or null when it is acceptable. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "account.passwordTooShort";
        }
        return null;
    }
}
