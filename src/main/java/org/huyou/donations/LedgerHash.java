package org.huyou.donations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.huyou.common.CanonicalHash;

/**
 * The chain: SHA-256 over an entry's content in a fixed form and the previous entry's hash. Changing any field,
 * removing a row or swapping two rows breaks every hash from there on.
 *
 * <p>Two rules, named by the entry's {@code chainVersion}. Version 1 (entries written before migration 19) joined
 * the fields with '|' unescaped, so "A|B" in one field and "A", "B" in two hashed alike, as did NULL and empty text.
 * Version 2 writes each field with its length ({@link CanonicalHash}), and its own version number first, so the
 * entry where a chain switched from 1 to 2 is covered by its hash, and versions may only rise along the chain.
 */
public final class LedgerHash {

    public static final String GENESIS = "0".repeat(64);
    /** The rule new entries are hashed by. */
    public static final int CURRENT = 2;

    private LedgerHash() {}

    /**
     * The first rule an entry of this kind may be hashed by. Opening balances came after version 2: one hashed by
     * rule 1 (whose '|' joins let text move between fields) was never written by the app, so it is a forgery.
     */
    public static int firstVersion(LedgerEntry.Kind kind) {
        return kind == LedgerEntry.Kind.OPENING ? 2 : 1;
    }

    /** Version 1's text of an entry's content: every field but its own hash, '|' between, decimals in plain form. */
    public static String contentV1(LedgerEntry e) {
        return String.join(
                "|",
                String.valueOf(e.seq()),
                String.valueOf(e.date()),
                e.kind().name(),
                s(e.fundId()),
                d(e.amount()),
                s(e.donorId()),
                s(e.channel()),
                s(e.purpose()),
                s(e.description()),
                s(e.receiptNo()),
                s(e.payee()),
                s(e.voucherNo()),
                s(e.approvedBy()),
                s(e.itemId()),
                d(e.quantity()),
                d(e.goodsValue()),
                s(e.condition()),
                s(e.expiry()),
                s(e.issuedTo()),
                s(e.reversesSeq()),
                String.valueOf(e.createdAt()),
                e.createdBy(),
                e.prevHash());
    }

    /** The bytes an entry's hash is made of, by its version's rule. */
    public static byte[] content(LedgerEntry e) {
        return content(e, new CanonicalHash());
    }

    private static byte[] content(LedgerEntry e, CanonicalHash c) {
        return switch (e.chainVersion()) {
            case 1 -> contentV1(e).getBytes(StandardCharsets.UTF_8);
            case 2 -> canonical(e, c).bytes();
            default -> throw new IllegalArgumentException("unknown chain version " + e.chainVersion());
        };
    }

    private static CanonicalHash canonical(LedgerEntry e, CanonicalHash c) {
        return c.reset()
                .add("ledger")
                .add(e.chainVersion())
                .add(e.seq())
                .add(e.date())
                .add(e.kind().name())
                .add(e.fundId())
                .add(n(e.amount()))
                .add(e.donorId())
                .add(n(e.channel()))
                .add(n(e.purpose()))
                .add(e.description())
                .add(e.receiptNo())
                .add(e.payee())
                .add(e.voucherNo())
                .add(e.approvedBy())
                .add(e.itemId())
                .add(n(e.quantity()))
                .add(n(e.goodsValue()))
                .add(n(e.condition()))
                .add(e.expiry())
                .add(n(e.issuedTo()))
                .add(e.reversesSeq())
                .add(e.createdAt())
                .add(e.createdBy())
                .add(e.prevHash());
    }

    /**
     * Checks entries one after another with one digest and one buffer (the verifier's loop over a whole chain):
     * the same bytes as {@link #of}, without a new digest and hex string per entry.
     */
    public static final class Checker {
        private final MessageDigest sha;
        private final CanonicalHash canonical = new CanonicalHash();

        public Checker() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public boolean matches(LedgerEntry e) {
            if (e.chainVersion() != 1 && e.chainVersion() != 2 || e.chainVersion() < firstVersion(e.kind())) {
                return false;
            }
            return CanonicalHash.sameAsHex(sha.digest(content(e, canonical)), e.hash());
        }
    }

    public static String of(LedgerEntry e) {
        return sha256(content(e));
    }

    /** SHA-256 of text as hex (the first rule hashed its text form). */
    public static String sha256Hex(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s(Object o) {
        return o == null ? "" : Objects.toString(o instanceof Enum<?> en ? en.name() : o);
    }

    /** An enum by its name, a decimal at scale 2; null stays null (version 2 tells it from empty text). */
    private static Object n(Object o) {
        if (o instanceof Enum<?> en) {
            return en.name();
        }
        if (o instanceof BigDecimal b) {
            return d(b);
        }
        return o;
    }

    /** 100, 100.0 and 100.00 hash alike: the database keeps the column's scale, the code may not. */
    private static String d(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
