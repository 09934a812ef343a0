package org.huyou.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What the database records of the keyring file ({@link KeyringRecord}, ADR 0011): its fingerprint as loaded, the
 * fingerprints written since, and who to tell after each write. The {@link Keyring} that owns it guards it with its own
 * lock.
 */
final class KeyringFingerprints {

    /** The fingerprint of the file as this object found it (null for a new keyring): what login checks. */
    private final String loaded;
    /** The fingerprints this object wrote, oldest first, not yet taken into the database's record. */
    private final List<String> written = new ArrayList<>();

    private Runnable writeListener;

    KeyringFingerprints(Properties loaded) {
        this.loaded = loaded.isEmpty() ? null : of(loaded);
    }

    /**
     * SHA-256 of the keyring's content, canonical (sorted lines, without the date comment {@link Properties#store}
     * writes), so the same content always has the same fingerprint.
     */
    static String of(Properties p) {
        StringBuilder sb = new StringBuilder();
        for (String n : new TreeSet<>(p.stringPropertyNames())) {
            sb.append(n).append('=').append(p.getProperty(n)).append('\n');
        }
        try {
            return KeyWrap.hex(
                    MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    String loaded() {
        return loaded;
    }

    /** The keyring was written with this content: remembered, and the listener told. */
    void wrote(Properties p) {
        written.add(of(p));
        Runnable listener = writeListener;
        if (listener != null) {
            listener.run();
        }
    }

    /** The fingerprints written since the last call, oldest first. */
    List<String> takeWritten() {
        List<String> out = List.copyOf(written);
        written.clear();
        return out;
    }

    void onWrite(Runnable listener) {
        this.writeListener = listener;
    }

    void offWrite(Runnable listener) {
        if (writeListener == listener) {
            writeListener = null;
        }
    }
}
