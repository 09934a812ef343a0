package org.huyou.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One text field sealed under the home's sealed key, as {@code sealed:v1:<base64>}.
 *
 * <p>The sealed key is an X25519 key pair, not a plain AES key, because the people who write these texts are not all
 * allowed to read them: a caregiver reports a suspected abuse (INCIDENTS CREATE without VIEW). Sealing needs only the
 * public half (kept in the keyring, no secret); opening needs the 32-byte private half, which is wrapped for the
 * accounts that may read. Each text gets a fresh ephemeral key pair; the AES-256-GCM key is HMAC-SHA-256 of the shared
 * secret and both public keys; the field's name is the associated data, so a sealed note moved into another column
 * does not open.
 *
 * <p>Layout of the base64 part: ephemeral public key (32 bytes, little-endian u) || nonce (12) || ciphertext + tag.
 */
public final class SealedText {

    public static final String PREFIX = "sealed:v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final String PURPOSE = "huyou-sealed-text-v1";
    /** The X25519 base point (u = 9): agreeing with it gives a private key's public key. */
    private static final BigInteger BASE_POINT = BigInteger.valueOf(9);

    private SealedText() {}

    /** Whether a stored value is sealed (and not plain text written before sealing, or by a server home). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** A new random private key (32 bytes). */
    public static byte[] newPrivateKey() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            return ((XECPrivateKey) kp.getPrivate()).getScalar().orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    /** The public key (32 bytes) of a private key. */
    public static byte[] publicKeyOf(byte[] privateKey) {
        return agree(privateKey, uToBytes(BASE_POINT));
    }

    /** Seals a text for the holder of the private key belonging to {@code publicKey}; null stays null. */
    public static String seal(byte[] publicKey, String field, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            KeyPair eph = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] ephPrivate = ((XECPrivateKey) eph.getPrivate()).getScalar().orElseThrow();
            byte[] ephPublic = uToBytes(((XECPublicKey) eph.getPublic()).getU());
            byte[] key = KeyWrap.hmac(agree(ephPrivate, publicKey), PURPOSE, ephPublic, publicKey);
            byte[] nonce = KeyWrap.random(NONCE_BYTES);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[KEY_BYTES + NONCE_BYTES + ct.length];
            System.arraycopy(ephPublic, 0, out, 0, KEY_BYTES);
            System.arraycopy(nonce, 0, out, KEY_BYTES, NONCE_BYTES);
            System.arraycopy(ct, 0, out, KEY_BYTES + NONCE_BYTES, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 or AES-GCM unavailable", e);
        }
    }

    /**
     * Opens a sealed text; a value that is not sealed is returned as it is. Null when the key is not the one it was
     * sealed for, the field is not the one it was sealed in, or a byte was changed.
     */
    public static String open(byte[] privateKey, String field, String stored) {
        return open(privateKey, publicKeyOf(privateKey), field, stored);
    }

    /** The same, with the private key's public key already known (it is part of the key derivation). */
    public static String open(byte[] privateKey, byte[] publicKey, String field, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (in.length < KEY_BYTES + NONCE_BYTES + 16) {
            return null;
        }
        try {
            byte[] ephPublic = Arrays.copyOfRange(in, 0, KEY_BYTES);
            byte[] key = KeyWrap.hmac(agree(privateKey, ephPublic), PURPOSE, ephPublic, publicKey);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, in, KEY_BYTES, NONCE_BYTES));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(in, KEY_BYTES + NONCE_BYTES, in.length - KEY_BYTES - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | InvalidKeyException | IllegalArgumentException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 or AES-GCM unavailable", e);
        }
    }

    /** A sealed key's public fingerprint: what the database records as the home's sealed key, and endorsements name. */
    public static String keyId(byte[] publicKey) {
        return KeyWrap.hex(KeyWrap.hmac(publicKey, "huyou-sealed-key-id")).substring(0, 16);
    }

    /**
     * The endorsement of a new sealed key (its public half) for one holder: HMAC-SHA-256 under the X25519 agreement of
     * an old sealed key with the holder's key pair. Either side computes it: the rotation with the old sealed key's
     * private half and the holder's public key, the holder with its own private key and the old sealed key's public
     * half (the one its password remembers). Nobody without one of the two private halves can make it.
     */
    static byte[] endorsement(byte[] privateScalar, byte[] otherPublic, byte[] newSealedPublic) {
        return KeyWrap.hmac(agree(privateScalar, otherPublic), "huyou-sealed-endorse-v1", newSealedPublic);
    }

    /** The 32-byte scalar of a JDK X25519 private key (a holder's key pair), for {@link #endorsement}. */
    static byte[] scalarOf(PrivateKey key) {
        return ((XECPrivateKey) key).getScalar().orElseThrow();
    }

    /** The 32-byte u of a JDK X25519 public key (a holder's key pair), for {@link #endorsement}. */
    static byte[] rawOf(PublicKey key) {
        return uToBytes(((XECPublicKey) key).getU());
    }

    private static byte[] agree(byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory kf = KeyFactory.getInstance("XDH");
            PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey));
            PublicKey pub = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, bytesToU(publicKey)));
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(priv);
            ka.doPhase(pub, true);
            return ka.generateSecret();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an X25519 key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    /** RFC 7748 encodes u little-endian in 32 bytes. */
    private static byte[] uToBytes(BigInteger u) {
        byte[] be = u.toByteArray();
        byte[] le = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    private static BigInteger bytesToU(byte[] le) {
        byte[] be = new byte[le.length + 1];
        for (int i = 0; i < le.length; i++) {
            be[be.length - 1 - i] = le[i];
        }
        return new BigInteger(be);
    }
}
