package org.huyou.db;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 in XTS mode (IEEE P1619) over 4 KiB sectors, the scheme and byte layout of H2's {@code CIPHER=AES} files,
 * with AES done by the JDK: its AES uses the processor's AES instructions where H2's own runs table lookups in Java
 * (≈4 GB/s here against ≈230 MB/s). A sector's tweak is its number, little-endian, encrypted with the same key; each
 * following 16-byte block's tweak is the previous one doubled in GF(2^128).
 */
final class XtsSectors {

    static final int SECTOR = 4096;
    private static final int BLOCK = 16;
    private static final long FEEDBACK = 0x87;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A Cipher is not thread-safe; H2 reads from several threads at once. */
    private final ThreadLocal<Ciphers> ciphers;

    private record Ciphers(Cipher encrypt, Cipher decrypt, byte[] tweak, long[] tweaks) {
    }

    XtsSectors(byte[] aesKey) {
        SecretKeySpec key = new SecretKeySpec(aesKey, "AES");
        ciphers = ThreadLocal.withInitial(() -> {
            try {
                Cipher encrypt = Cipher.getInstance("AES/ECB/NoPadding");
                encrypt.init(Cipher.ENCRYPT_MODE, key);
                Cipher decrypt = Cipher.getInstance("AES/ECB/NoPadding");
                decrypt.init(Cipher.DECRYPT_MODE, key);
                return new Ciphers(encrypt, decrypt, new byte[BLOCK], new long[SECTOR / Long.BYTES]);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES is part of every JDK", e);
            }
        });
        ciphers.get(); // fails here, at open, if AES were missing
    }

    void encrypt(long sector, byte[] data, int offset) {
        Ciphers c = ciphers.get();
        crypt(c, c.encrypt, sector, data, offset);
    }

    void decrypt(long sector, byte[] data, int offset) {
        Ciphers c = ciphers.get();
        crypt(c, c.decrypt, sector, data, offset);
    }

    private static void crypt(Ciphers c, Cipher cipher, long sector, byte[] data, int offset) {
        try {
            byte[] first = c.tweak;
            LONGS.set(first, 0, sector);
            LONGS.set(first, 8, 0L);
            c.encrypt.doFinal(first, 0, BLOCK, first, 0);
            long low = (long) LONGS.get(first, 0);
            long high = (long) LONGS.get(first, 8);
            long[] tweaks = c.tweaks;
            for (int i = 0; i < tweaks.length; i += 2) {
                tweaks[i] = low;
                tweaks[i + 1] = high;
                long carry = high >> 63; // all ones when the top bit falls out
                high = (high << 1) | (low >>> 63);
                low = (low << 1) ^ (carry & FEEDBACK);
            }
            xor(data, offset, tweaks);
            cipher.doFinal(data, offset, SECTOR, data, offset);
            xor(data, offset, tweaks);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB on whole blocks cannot fail", e);
        }
    }

    private static void xor(byte[] data, int offset, long[] tweaks) {
        for (int i = 0; i < tweaks.length; i++) {
            int at = offset + i * Long.BYTES;
            LONGS.set(data, at, (long) LONGS.get(data, at) ^ tweaks[i]);
        }
    }
}
