package org.huyou.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work a transaction leaves to its very end, still inside it: rows collected while the transaction runs and written
 * together just before it commits. The audit log uses it so that its single head row, which every append must lock
 * until commit, is locked for the last moments of a save rather than for all of it (twenty PCs saving at once waited
 * on that lock in turn), and a save's fifteen audit rows go in as one batch.
 *
 * <p>Only {@link Transactions} opens a frame; outside one, {@link #collect} says no and the caller writes at once. A
 * nested transaction that fails gives back what it collected, so no row outlives the change it describes.
 */
public final class BeforeCommit {

    private static final ThreadLocal<Frame> FRAME = new ThreadLocal<>();

    private BeforeCommit() {}

    /** Items of one kind with the one writer that takes them all. */
    private static final class Batch {
        final Consumer<List<Object>> writer;
        final List<Object> items = new ArrayList<>();

        Batch(Consumer<List<Object>> writer) {
            this.writer = writer;
        }
    }

    private static final class Frame {
        final Map<Object, Batch> batches = new LinkedHashMap<>();
    }

    /**
     * Adds {@code item} to the current transaction's batch under {@code key}, written by {@code writer} just before
     * the outermost transaction commits. False when no transaction of {@link Transactions} runs on this thread.
     */
    @SuppressWarnings("unchecked")
    public static <T> boolean collect(Object key, T item, Consumer<List<T>> writer) {
        Frame frame = FRAME.get();
        if (frame == null) {
            return false;
        }
        frame.batches
                .computeIfAbsent(key, k -> new Batch(list -> writer.accept((List<T>) list)))
                .items
                .add(item);
        return true;
    }

    /** Whether a transaction of {@link Transactions} runs on this thread. */
    static boolean active() {
        return FRAME.get() != null;
    }

    /** Runs {@code work} as one level of a transaction; the outermost level writes what was collected at its end. */
    static <T> T around(Supplier<T> work) {
        Frame frame = FRAME.get();
        if (frame == null) {
            frame = new Frame();
            FRAME.set(frame);
            try {
                T result = work.get();
                flush(frame);
                return result;
            } finally {
                FRAME.remove();
            }
        }
        Map<Object, Integer> sizes = new LinkedHashMap<>();
        frame.batches.forEach((k, b) -> sizes.put(k, b.items.size()));
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            giveBack(frame, sizes);
            throw e;
        }
    }

    private static void giveBack(Frame frame, Map<Object, Integer> sizes) {
        frame.batches.entrySet().removeIf(e -> !sizes.containsKey(e.getKey()));
        frame.batches.forEach(
                (k, b) -> b.items.subList(sizes.get(k), b.items.size()).clear());
    }

    private static void flush(Frame frame) {
        // A writer may itself run in a nested transaction; what it collects then is written in the next round.
        while (!frame.batches.isEmpty()) {
            List<Batch> due = new ArrayList<>(frame.batches.values());
            frame.batches.clear();
            for (Batch b : due) {
                if (!b.items.isEmpty()) {
                    b.writer.accept(b.items);
                }
            }
        }
    }
}
