package org.huyou.donations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.huyou.common.DamagedDataException;
import org.huyou.common.Messages;

/**
 * Walks the chain in order, recomputing every hash: a changed field breaks that entry's hash, a deleted row leaves a
 * gap in the sequence or a broken link, swapped rows break the links. A long chain is cut into consecutive ranges of
 * sequence numbers read and checked side by side, one thread and connection each, and the ranges' ends are joined
 * afterwards (each range's first link against the previous range's last hash). The time is in reading the rows
 * (H2 decrypts every page of the file), which one thread per core divides.
 */
public final class LedgerVerifier {

    private final LedgerRepository repo;
    private final int maxRanges;
    private final int minPerRange;

    public LedgerVerifier(LedgerRepository repo) {
        this(repo, Math.min(4, Runtime.getRuntime().availableProcessors()), 25_000);
    }

    /** At most {@code maxRanges} ranges of at least {@code minPerRange} entries (tests cut a short chain). */
    public LedgerVerifier(LedgerRepository repo, int maxRanges, int minPerRange) {
        this.repo = repo;
        this.maxRanges = Math.max(1, maxRanges);
        this.minPerRange = Math.max(1, minPerRange);
    }

    /**
     * {@code firstBad} is the first entry that does not match (null when the chain is whole); {@code contradicted}
     * the first published code (in the order given: the earliest disclosure first) the ledger no longer holds, and
     * {@code contradiction} how: "rewritten" (the entry is there with another hash) or "cut" (it is gone).
     */
    public record Result(
            long entries,
            Long firstBad,
            String problem,
            String headHash,
            PublishedCode contradicted,
            String contradiction) {

        public Result(long entries, Long firstBad, String problem, String headHash) {
            this(entries, firstBad, problem, headHash, null, null);
        }

        public boolean ok() {
            return firstBad == null && contradicted == null;
        }

        /** Whether the chain is whole in itself (the published codes aside). */
        public boolean chainWhole() {
            return firstBad == null;
        }

        /**
         * What is wrong, as a sentence for the user: the first entry that does not match, else the first published
         * code the ledger contradicts (naming its disclosure); null when all is well.
         */
        public String describe() {
            return ok() ? null : failure().userMessage();
        }

        /** The same as a refusal to throw (the command line's exit 2); only when not {@link #ok()}. */
        public DamagedDataException failure() {
            if (firstBad != null) {
                return new DamagedDataException("cli.ledgerBroken", firstBad, Messages.t("ledgerProblem." + problem));
            }
            String how = Messages.t("ledgerContradiction." + contradiction, contradicted.seq(), entries);
            if (contradicted.disclosureId() == null) {
                return new DamagedDataException("ledger.contradictsCode", contradicted.code(), how);
            }
            return new DamagedDataException(
                    "ledger.contradictsDisclosure",
                    contradicted.from(),
                    contradicted.to(),
                    contradicted.madeAt().toLocalDate(),
                    how);
        }

        Result contradicting(PublishedCode code, String how) {
            return new Result(entries, firstBad, problem, headHash, code, how);
        }
    }

    /** The chain in itself: a rewrite from some entry on, or a cut tail, passes this; see {@link #verify(List)}. */
    public Result verify() {
        return verify(List.of());
    }

    /**
     * The chain, and then each published code against it: the code's entry must still be there with the code's
     * hash. A chain rewritten (and rehashed) after an edit, or cut short with its head moved back, verifies in
     * itself, but not against a code published before the edit.
     */
    public Result verify(List<PublishedCode> codes) {
        return checkCodes(walk(0, LedgerHash.GENESIS, 1), codes);
    }

    /**
     * The entries after a checkpoint (an entry a full verification found whole, with its hash), then the codes: what
     * opening the ledger screen checks, so it stays quick on a long chain. When the checkpoint's entry no longer
     * carries its hash, the whole chain is walked instead (and names the change).
     */
    public Result verifySince(long seq, String hash, List<PublishedCode> codes) {
        Optional<LedgerEntry> mark = seq > 0 ? repo.entry(seq) : Optional.empty();
        if (mark.isEmpty() || !mark.get().hash().equals(hash)) {
            return verify(codes);
        }
        return checkCodes(walk(seq, hash, mark.get().chainVersion()), codes);
    }

    private Result checkCodes(Result chain, List<PublishedCode> codes) {
        for (PublishedCode code : codes) {
            Optional<String> there = repo.hashAt(code.seq());
            if (there.isEmpty()) {
                return chain.contradicting(code, "cut");
            }
            if (!there.get().equalsIgnoreCase(code.hash())) {
                return chain.contradicting(code, "rewritten");
            }
        }
        return chain;
    }

    /** The entries after {@code start} (0: all), the chain before them taken as ending in {@code startHash}. */
    private Result walk(long start, String startHash, int startVersion) {
        long span = Math.max(0, repo.head().lastSeq() - start);
        int ranges = (int) Math.max(1, Math.min(maxRanges, span / minPerRange));
        List<Range> parts = new ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            long from = start + 1 + span * i / ranges;
            // The last range is open: rows past the head are read and checked too, as a single walk would.
            long to = i == ranges - 1 ? Long.MAX_VALUE : start + span * (i + 1) / ranges;
            parts.add(new Range(from, to, i == 0 && start == 0));
        }
        AtomicLong earliestBad = new AtomicLong(Long.MAX_VALUE);
        if (ranges == 1) {
            parts.get(0).check(repo, earliestBad);
        } else {
            checkSideBySide(parts, earliestBad);
        }
        Result result = join(parts, start, startHash, startVersion);
        if (!result.ok()) {
            return result;
        }
        LedgerRepository.Head head = repo.head();
        if (head.lastSeq() != result.entries() || !head.lastHash().equals(result.headHash())) {
            // rows removed from the end of the chain
            return new Result(result.entries(), result.entries() + 1, "missing", result.headHash());
        }
        return result;
    }

    private void checkSideBySide(List<Range> parts, AtomicLong earliestBad) {
        ExecutorService pool = Executors.newFixedThreadPool(parts.size() - 1, r -> {
            Thread t = new Thread(r, "ledger-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Range part : parts.subList(1, parts.size())) {
                running.add(pool.submit(() -> part.check(repo, earliestBad)));
            }
            parts.get(0).check(repo, earliestBad);
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ranges in order as one walk: the first problem met, counting the entries before it. */
    private static Result join(List<Range> parts, long start, String startHash, int startVersion) {
        long count = start;
        String previous = startHash;
        int version = startVersion;
        for (Range r : parts) {
            if (r.firstPrev != null && !r.firstPrev.equals(previous)) {
                return new Result(count, r.from, "link", previous);
            }
            if (r.firstPrev != null && r.firstVersion < version) {
                return new Result(count, r.from, "version", previous);
            }
            if (r.firstBad != null) {
                return new Result(count + r.count, r.firstBad, r.problem, r.count == 0 ? previous : r.lastHash);
            }
            if (r.count > 0) { // an empty range (only ever the last: a new home's ledger) leaves the link as it was
                count += r.count;
                previous = r.lastHash;
                version = r.lastVersion;
            }
        }
        return new Result(count, null, null, previous);
    }

    /** One stretch of sequence numbers, read and checked on its own. */
    private static final class Range {
        final long from;
        final long to;
        final boolean first;
        long count;
        /** The link of the range's first entry, checked against the previous range when they are joined. */
        String firstPrev;

        String lastHash;
        /** The hashing rules of the range's first and last entries: a rule never goes back to an older one. */
        int firstVersion;

        int lastVersion = 1;
        Long firstBad;
        String problem;

        Range(long from, long to, boolean first) {
            this.from = from;
            this.to = to;
            this.first = first;
        }

        void check(LedgerRepository repo, AtomicLong earliestBad) {
            LedgerHash.Checker checker = new LedgerHash.Checker();
            long[] expected = {from};
            try {
                repo.forEachInChain(from, to, e -> {
                    if (e.seq() > earliestBad.get()) {
                        throw new StopReading(); // an earlier entry is already bad: the rest cannot matter
                    }
                    if (e.seq() != expected[0]) {
                        throw fail(expected[0], "missing", earliestBad);
                    } else if (expected[0] == from && !first) {
                        firstPrev = e.prevHash();
                        firstVersion = e.chainVersion();
                    } else if (!e.prevHash().equals(expected[0] == from ? LedgerHash.GENESIS : lastHash)) {
                        throw fail(e.seq(), "link", earliestBad);
                    } else if (e.chainVersion() < lastVersion) {
                        // Back to the old rule after the switch: someone rehashed entries under the weaker rule.
                        throw fail(e.seq(), "version", earliestBad);
                    }
                    if (e.chainVersion() < LedgerHash.firstVersion(e.kind())) {
                        // a kind newer than the rule it claims (an opening balance under rule 1): never written so
                        throw fail(e.seq(), "version", earliestBad);
                    }
                    if (firstBad == null && !checker.matches(e)) {
                        throw fail(e.seq(), "content", earliestBad);
                    }
                    lastHash = e.hash();
                    lastVersion = e.chainVersion();
                    expected[0]++;
                    count++;
                });
            } catch (StopReading enough) {
                return;
            }
            if (to != Long.MAX_VALUE && expected[0] <= to) {
                fail(expected[0], "missing", earliestBad); // rows removed from the end of this range
            }
        }

        private StopReading fail(long seq, String why, AtomicLong earliestBad) {
            firstBad = seq;
            problem = why;
            earliestBad.accumulateAndGet(seq, Math::min);
            return new StopReading();
        }
    }

    /** Ends a range's read once its answer is known. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
