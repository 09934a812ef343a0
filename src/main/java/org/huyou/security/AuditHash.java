package org.huyou.security;

import org.huyou.common.CanonicalHash;

/**
 * The audit log's chain: SHA-256 over a row's fields, each written with its length ({@link CanonicalHash}), its
 * place {@code seq} and the previous row's hash. Changing, removing or inserting a row breaks the chain there.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);
    /** The rule's version, hashed with every row so that a later rule can tell its rows apart. */
    static final int VERSION = 1;
    /**
     * Rule 2: a row with a structured summary ({@link AuditSummary}) also hashes its key. Rows without one keep rule
     * 1, so the rows written before it hash as they always did; since the version is hashed, adding or removing a
     * key afterwards breaks the row's hash either way.
     */
    static final int STRUCTURED = 2;

    private final CanonicalHash canonical = new CanonicalHash();

    /** The hash of an audit row placed at {@code seq} after a row whose hash is {@code prevHash}. */
    public String of(long seq, AuditEntry e, String prevHash) {
        return fill(seq, e, prevHash).hex();
    }

    public boolean matches(long seq, AuditEntry e, String prevHash, String stored) {
        return CanonicalHash.sameAsHex(fill(seq, e, prevHash).digest(), stored);
    }

    private CanonicalHash fill(long seq, AuditEntry e, String prevHash) {
        boolean structured = e.summaryKey() != null;
        CanonicalHash h = canonical
                .reset()
                .add("audit")
                .add(structured ? STRUCTURED : VERSION)
                .add(seq)
                .add(e.at())
                .add(e.username())
                .add(e.action())
                .add(e.entity())
                .add(e.entityId());
        if (structured) {
            h.add(e.summaryKey());
        }
        return h.add(e.summary()).add(e.changes()).add(prevHash);
    }
}
