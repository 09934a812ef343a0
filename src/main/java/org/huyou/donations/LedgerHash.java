package org.huyou.donations;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The chain: SHA-256 over an entry's content in a fixed text form and the previous entry's hash. Changing any field,
 * removing a row or swapping two rows breaks every hash from there on.
 */
public final class LedgerHash {

    public static final String GENESIS = "0".repeat(64);

    private LedgerHash() {
    }

    /** The canonical text of an entry's content: every field but its own hash, '|' between, decimals in plain form. */
    public static String content(LedgerEntry e) {
        return String.join("|", String.valueOf(e.seq()), String.valueOf(e.date()), e.kind().name(),
                s(e.fundId()), d(e.amount()), s(e.donorId()), s(e.channel()), s(e.purpose()), s(e.description()),
                s(e.receiptNo()), s(e.payee()), s(e.voucherNo()), s(e.approvedBy()), s(e.itemId()), d(e.quantity()),
                d(e.goodsValue()), s(e.condition()), s(e.expiry()), s(e.issuedTo()), s(e.reversesSeq()),
                String.valueOf(e.createdAt()), e.createdBy(), e.prevHash());
    }

    /**
     * Checks entries one after another with one digest and one buffer (the verifier's loop over a whole chain):
     * the same bytes as {@link #of}, without a new digest, string list and hex string per entry.
     */
    public static final class Checker {
        private final MessageDigest sha;

        public Checker() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public boolean matches(LedgerEntry e) {
            byte[] digest = sha.digest(content(e).getBytes(StandardCharsets.UTF_8));
            String stored = e.hash();
            if (stored == null || stored.length() != 64) {
                return false;
            }
            for (int i = 0; i < digest.length; i++) { // compares with the stored hex without formatting a string
                if (digest[i] != (byte) ((Character.digit(stored.charAt(2 * i), 16) << 4)
                        | Character.digit(stored.charAt(2 * i + 1), 16))) {
                    return false;
                }
            }
            return true;
        }
    }

    public static String of(LedgerEntry e) {
        return sha256(content(e));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s(Object o) {
        return o == null ? "" : Objects.toString(o instanceof Enum<?> en ? en.name() : o);
    }

    /** 100, 100.0 and 100.00 hash alike: the database keeps the column's scale, the code may not. */
    private static String d(BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
