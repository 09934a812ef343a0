package org.huyou.security;

import java.util.Locale;

/** The recovery key as people write it down and type it back: its alphabet, its groups, what typing may change. */
final class RecoveryKeys {

    private static final String BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private RecoveryKeys() {}

    /** 160 random bits as 32 characters in groups of four, without look-alike letters (no I, O, 0, 1). */
    static String newKey() {
        byte[] bytes = KeyWrap.random(20);
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < sb.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append('-');
            }
            grouped.append(sb.charAt(i));
        }
        return grouped.toString();
    }

    /** Typed recovery keys may differ in case, spaces and dashes. */
    static String normalize(String key) {
        return key == null ? "" : key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
