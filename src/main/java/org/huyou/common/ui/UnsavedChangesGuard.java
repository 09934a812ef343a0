package org.huyou.common.ui;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place that asks 保存 / 放弃修改 / 取消 before unsaved input would be lost. Every screen and the shell go
 * through it, so the question, its buttons and what each does are the same everywhere.
 */
public final class UnsavedChangesGuard {

    /** The user's answer. */
    public enum Choice {
        SAVE,
        DISCARD,
        CANCEL
    }

    /** Asks the question, given whether 保存 can be offered and where the input is (tabs by name). */
    private final BiFunction<Boolean, List<String>, Choice> ask;

    private final Runnable flush;
    private boolean asking;

    /** Asks with the app's dialog; text being typed into a table cell counts as input. */
    public UnsavedChangesGuard(DialogService dialogs) {
        this((canSave, where) -> dialogs.askUnsaved(canSave, where), EditableCells::commitPendingEdits);
    }

    /** As {@link #UnsavedChangesGuard(java.util.function.Function, Runnable)}, the question the same either way. */
    public UnsavedChangesGuard(Supplier<Choice> ask, Runnable flush) {
        this(canSave -> ask.get(), flush);
    }

    /** {@code flush} first takes over input still being typed (a cell under edit), then the question is asked. */
    public UnsavedChangesGuard(Function<Boolean, Choice> ask, Runnable flush) {
        this((canSave, where) -> ask.apply(canSave), flush);
    }

    /** As above, the question also told where the input is. */
    public UnsavedChangesGuard(BiFunction<Boolean, List<String>, Choice> ask, Runnable flush) {
        this.ask = ask;
        this.flush = flush;
    }

    /** Whether there is anything to lose, once input still being typed has been taken over. */
    public boolean isDirty(UnsavedChanges changes) {
        flush.run();
        return changes.isDirty();
    }

    /** Runs {@code proceed} at once when nothing is unsaved, else after the user's 保存 (once saved) or 放弃修改. */
    public void leave(UnsavedChanges changes, Runnable proceed) {
        leave(changes, proceed, () -> {});
    }

    /**
     * As {@link #leave(UnsavedChanges, Runnable)}; {@code stay} runs when the user chose 取消 or the save was refused
     * (a combo box that already shows the new choice goes back to the old one).
     */
    public void leave(UnsavedChanges changes, Runnable proceed, Runnable stay) {
        if (asking) {
            return; // a control set back by the first question (取消) asks nothing and does nothing
        }
        if (!isDirty(changes)) {
            proceed.run();
            return;
        }
        boolean canSave = changes.canSave();
        List<String> where = changes.where();
        Choice choice = quietly(() -> ask.apply(canSave, where));
        if (choice == Choice.SAVE && !canSave) {
            choice = Choice.CANCEL; // not offered; an answer that could not have been given keeps the input
        }
        switch (choice) {
            case SAVE ->
                changes.save(ok -> {
                    if (ok) {
                        proceed.run();
                    } else {
                        quietly(() -> {
                            stay.run();
                            return null;
                        });
                    }
                });
            case DISCARD -> {
                changes.discard();
                proceed.run();
            }
            default ->
                quietly(() -> {
                    stay.run();
                    return null;
                });
        }
    }

    private <T> T quietly(Supplier<T> step) {
        asking = true;
        try {
            return step.get();
        } finally {
            asking = false;
        }
    }
}
