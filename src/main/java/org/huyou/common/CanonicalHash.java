package org.huyou.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An unambiguous byte form of a row for a hash chain, and its SHA-256: each field is written as its UTF-8 length,
 * ':' and its bytes, and a missing value (NULL) as '~', which no length starts with. So text moved from one field to
 * the next, or NULL put for empty text, gives other bytes and another hash; joining fields with a separator could
 * not tell these apart. One instance is reused for a whole chain (not thread-safe): the verifier's loop allocates
 * nothing per field.
 */
public final class CanonicalHash {

    private static final byte NULL = '~';
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    private final MessageDigest sha;

    public CanonicalHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a new row. */
    public CanonicalHash reset() {
        out.reset();
        return this;
    }

    /** Adds one field: null stays null, anything else is its text. */
    public CanonicalHash add(Object value) {
        if (value == null) {
            out.write(NULL);
            return this;
        }
        byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        byte[] length = Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII);
        out.write(length, 0, length.length);
        out.write(':');
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** The row's bytes so far (what is hashed). */
    public byte[] bytes() {
        return out.toByteArray();
    }

    /** SHA-256 of the row's bytes. */
    public byte[] digest() {
        return sha.digest(out.toByteArray());
    }

    public String hex() {
        return HexFormat.of().formatHex(digest());
    }

    /** Whether {@code digest} equals the hex text {@code stored} (64 characters), without formatting a string. */
    public static boolean sameAsHex(byte[] digest, String stored) {
        if (stored == null || stored.length() != digest.length * 2) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            int hi = Character.digit(stored.charAt(2 * i), 16);
            int lo = Character.digit(stored.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || digest[i] != (byte) ((hi << 4) | lo)) {
                return false;
            }
        }
        return true;
    }
}
