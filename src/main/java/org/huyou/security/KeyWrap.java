package org.huyou.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM around small secrets, HMAC-SHA-256, and sealing a secret to an X25519 public key (ECIES: an ephemeral
 * X25519 agreement, HKDF-SHA-256, AES-256-GCM): the authenticated pieces the keyring and backups use. All of it is
 * built into the JDK (XDH since Java 11).
 */
public final class KeyWrap {

    public static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private KeyWrap() {}

    public static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    /** nonce || ciphertext+tag. */
    public static byte[] wrap(byte[] kek, byte[] secret) {
        try {
            byte[] nonce = random(NONCE_BYTES);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(secret);
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret, or null when the key is wrong or the bytes were changed. */
    public static byte[] unwrap(byte[] kek, byte[] wrapped) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(kek, "AES"),
                    new GCMParameterSpec(128, wrapped, 0, NONCE_BYTES));
            return c.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public static byte[] hmac(byte[] key, String purpose, byte[]... parts) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] subKey = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subKey, "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A new X25519 key pair: its private half is kept wrapped under a password key, its public half in the clear. */
    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
    }

    /** The private key from its PKCS#8 bytes, or null when they are not one. */
    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("XDH").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * Seals a secret to a public key, so that only the private key's holder opens it; {@code label} (the key's name)
     * enters the key derivation, so a sealed key cannot be passed off under another name. Layout: the ephemeral public
     * key's length (one byte) and X.509 bytes, then nonce || ciphertext+tag.
     */
    public static byte[] seal(PublicKey recipient, String label, byte[] secret) {
        KeyPair ephemeral = newKeyPair();
        byte[] eph = ephemeral.getPublic().getEncoded();
        byte[] kek = sealingKey(ephemeral.getPrivate(), recipient, eph, label);
        byte[] box = wrap(kek, secret);
        byte[] out = new byte[1 + eph.length + box.length];
        out[0] = (byte) eph.length;
        System.arraycopy(eph, 0, out, 1, eph.length);
        System.arraycopy(box, 0, out, 1 + eph.length, box.length);
        return out;
    }

    /** The sealed secret, or null when this is not the recipient's private key or the bytes were changed. */
    public static byte[] open(PrivateKey own, PublicKey ownPublic, String label, byte[] sealed) {
        if (sealed.length < 2 || (sealed[0] & 0xff) + 1 >= sealed.length) {
            return null;
        }
        int n = sealed[0] & 0xff;
        byte[] eph = Arrays.copyOfRange(sealed, 1, 1 + n);
        PublicKey ephemeral;
        try {
            ephemeral = publicKey(eph);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] kek = sealingKey(own, ephemeral, eph, label, ownPublic);
        return kek == null ? null : unwrap(kek, Arrays.copyOfRange(sealed, 1 + n, sealed.length));
    }

    private static byte[] sealingKey(
            PrivateKey ephemeralPrivate, PublicKey recipient, byte[] ephemeralPublic, String label) {
        return sealingKey(ephemeralPrivate, recipient, ephemeralPublic, label, recipient);
    }

    /** X25519, then HKDF-SHA-256 with both public keys as salt and the label as info. */
    private static byte[] sealingKey(
            PrivateKey own, PublicKey other, byte[] ephemeralPublic, String label, PublicKey recipient) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(own);
            agreement.doPhase(other, true);
            byte[] shared = agreement.generateSecret();
            byte[] recipientBytes = recipient.getEncoded();
            byte[] salt = new byte[ephemeralPublic.length + recipientBytes.length];
            System.arraycopy(ephemeralPublic, 0, salt, 0, ephemeralPublic.length);
            System.arraycopy(recipientBytes, 0, salt, ephemeralPublic.length, recipientBytes.length);
            return hkdf(shared, salt, ("huyou-sealed-key:" + label).getBytes(StandardCharsets.UTF_8));
        } catch (InvalidKeyException e) {
            return null; // a key of another kind: not this recipient's
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869) for one 32-byte output block. */
    static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = extract.doFinal(inputKey);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            expand.update(info);
            expand.update((byte) 1);
            return expand.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static byte[] unhex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
