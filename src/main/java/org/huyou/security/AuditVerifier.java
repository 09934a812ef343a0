package org.huyou.security;

import org.huyou.common.DamagedDataException;
import org.huyou.common.Messages;

/**
 * Walks the audit chain in order, recomputing every hash: an edited row breaks its hash, a removed row leaves a gap
 * (or a chain shorter than its head), a row put in by hand has no place in the chain (or stands past the head, or
 * breaks the links of the rows it was squeezed between).
 */
public final class AuditVerifier {

    private final AuditRepository repo;

    public AuditVerifier(AuditRepository repo) {
        this.repo = repo;
    }

    /**
     * {@code firstBad} is the place of the first row that does not match (null when the chain is whole);
     * {@code insertedId} the id of a row found outside the chain (problem "inserted").
     */
    public record Result(long entries, Long firstBad, String problem, Long insertedId, String headHash) {
        public boolean ok() {
            return problem == null;
        }

        /** A sentence for the user: "审计记录完整", or which row is wrong and how. */
        public String describe() {
            return ok() ? Messages.t("audit.chainWhole", entries) : failure().userMessage();
        }

        public DamagedDataException failure() {
            if (insertedId != null) {
                return new DamagedDataException("audit.chainInserted", insertedId);
            }
            return new DamagedDataException("audit.chainBroken", firstBad, Messages.t("auditProblem." + problem));
        }
    }

    /** The whole chain, from its first row: what {@code verify-audit} and a check on request do. */
    public Result verify() {
        return walk(0, AuditHash.GENESIS);
    }

    /**
     * The rows after a checkpoint (a place a whole verification reached, with its hash): what the check after each
     * login does, so it stays quick however long the log grows. When the checkpoint's row no longer carries that
     * hash (it was edited or removed), the whole chain is walked instead, which names the change. Rows removed from
     * the end, put in past the head or outside the chain are found either way; an edit before the checkpoint is left
     * to the full walk, which ignores the checkpoint (anyone who can edit rows can edit it too).
     */
    public Result verifySince(long seq, String hash) {
        if (seq <= 0 || !repo.hashAt(seq).filter(hash::equals).isPresent()) {
            return verify();
        }
        return walk(seq, hash);
    }

    private Result walk(long start, String startHash) {
        AuditRepository.Head head = repo.head();
        AuditHash hasher = new AuditHash();
        long[] expected = {start + 1};
        String[] previous = {startHash};
        Result[] bad = {null};
        try {
            repo.forEachInChain(start + 1, row -> {
                long count = expected[0] - 1;
                if (row.seq() != expected[0]) {
                    bad[0] = new Result(count, expected[0], "missing", null, previous[0]);
                } else if (!previous[0].equals(row.prevHash())) {
                    bad[0] = new Result(count, row.seq(), "link", null, previous[0]);
                } else if (!hasher.matches(row.seq(), row.entry(), row.prevHash(), row.hash())) {
                    bad[0] = new Result(count, row.seq(), "content", null, previous[0]);
                } else if (row.seq() > head.lastSeq()) {
                    bad[0] = new Result(count, row.seq(), "pastHead", null, previous[0]);
                }
                if (bad[0] != null) {
                    throw new Stop();
                }
                previous[0] = row.hash();
                expected[0]++;
            });
        } catch (Stop found) {
            return bad[0];
        }
        long count = expected[0] - 1;
        if (count != head.lastSeq() || !previous[0].equals(head.lastHash())) {
            return new Result(count, count + 1, "missing", null, previous[0]); // rows removed from the end
        }
        return repo.firstUnchained(head)
                .map(e -> new Result(count, null, "inserted", e.id(), previous[0]))
                .orElse(new Result(count, null, null, null, previous[0]));
    }

    /** Ends the walk at the first problem. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
