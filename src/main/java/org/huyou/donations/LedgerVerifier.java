package org.huyou.donations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Walks the chain in order, recomputing every hash: a changed field breaks that entry's hash, a deleted row leaves a
 * gap in the sequence or a broken link, swapped rows break the links. The rows are read from one cursor on this thread
 * while another thread hashes the batches already read, so reading and hashing overlap (a 500,000-entry chain is
 * checked in about the time reading it takes).
 */
public final class LedgerVerifier {

    private static final int BATCH = 1_000;
    private static final List<LedgerEntry> END = List.of();
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
        BlockingQueue<List<LedgerEntry>> queue = new ArrayBlockingQueue<>(16);
        CompletableFuture<Result> checked = CompletableFuture.supplyAsync(() -> check(queue));
        var batch = new Object() {
            List<LedgerEntry> rows = new ArrayList<>(BATCH);
        };
        try {
            repo.forEachInChain(e -> {
                batch.rows.add(e);
                if (batch.rows.size() == BATCH) {
                    put(queue, batch.rows, checked);
                    batch.rows = new ArrayList<>(BATCH);
                }
            });
            put(queue, batch.rows, checked);
            put(queue, END, checked);
        } catch (StopReading enough) {
            // the result is already there
        }
        Result result;
        try {
            result = checked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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

    private static Result check(BlockingQueue<List<LedgerEntry>> queue) {
        LedgerHash.Checker checker = new LedgerHash.Checker();
        String previous = LedgerHash.GENESIS;
        long expected = 1;
        long count = 0;
        try {
            for (List<LedgerEntry> batch = queue.take(); batch != END; batch = queue.take()) {
                for (LedgerEntry e : batch) {
                    if (e.seq() != expected) {
                        return new Result(count, expected, "missing", previous);
                    }
                    if (!e.prevHash().equals(previous)) {
                        return new Result(count, e.seq(), "link", previous);
                    }
                    if (!checker.matches(e)) {
                        return new Result(count, e.seq(), "content", previous);
                    }
                    previous = e.hash();
                    expected++;
                    count++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Result(count, null, null, previous);
    }

    /** Hands a batch to the checker; stops reading once the checker has its answer (a bad entry found). */
    private static void put(BlockingQueue<List<LedgerEntry>> queue, List<LedgerEntry> batch,
                            CompletableFuture<Result> checked) {
        try {
            while (!queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (checked.isDone()) {
                    throw new StopReading();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the read early once the checker has its answer. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
