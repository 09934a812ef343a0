package org.huyou.donations;

import java.util.List;

/**
 * Walks the chain in order, a page at a time, recomputing every hash: a changed field breaks that entry's hash, a
 * deleted row leaves a gap in the sequence or a broken link, swapped rows break the links.
 */
public final class LedgerVerifier {

    private static final int PAGE = 5_000;
    private final LedgerRepository repo;

    public LedgerVerifier(LedgerRepository repo) {
        this.repo = repo;
    }

    /** {@code firstBad} is the first entry that does not match (null when the chain is whole). */
    public record Result(long entries, Long firstBad, String problem, String headHash) {
        public boolean ok() {
            return firstBad == null;
        }
    }

    public Result verify() {
        String previous = LedgerHash.GENESIS;
        long expected = 1;
        long count = 0;
        long after = 0;
        while (true) {
            List<LedgerEntry> page = repo.chainPage(after, PAGE);
            for (LedgerEntry e : page) {
                if (e.seq() != expected) {
                    return new Result(count, expected, "missing", previous);
                }
                if (!e.prevHash().equals(previous)) {
                    return new Result(count, e.seq(), "link", previous);
                }
                if (!LedgerHash.of(e).equals(e.hash())) {
                    return new Result(count, e.seq(), "content", previous);
                }
                previous = e.hash();
                expected++;
                count++;
                after = e.seq();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        LedgerRepository.Head head = repo.head();
        if (head.lastSeq() != count || !head.lastHash().equals(previous)) {
            return new Result(count, count + 1, "missing", previous); // rows removed from the end of the chain
        }
        return new Result(count, null, null, previous);
    }
}
