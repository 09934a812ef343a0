package org.huyou.residents.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * The state half of a tab of the resident's file (ADR 0014), whichever feature adds it (care, documents): the
 * resident shown, loaded in the background (a result for a resident no longer shown is dropped), and saving for them. The tab's View is the
 * {@code ResidentFilePart} and hands {@link #show} and {@link #setOnChanged} here.
 */
public abstract class FilePartViewModel<T> {

    protected final TaskRunner tasks;
    protected final Notices notices;
    private Long residentId;
    private Runnable onChanged = () -> {};
    private Consumer<T> onShown = data -> {};

    protected FilePartViewModel(TaskRunner tasks, Notices notices) {
        this.tasks = tasks;
        this.notices = notices;
    }

    /** The selected resident changed (null: none). */
    public final void show(Long id) {
        residentId = id;
        reload();
    }

    public final Long residentId() {
        return residentId;
    }

    public final void reload() {
        if (residentId == null) {
            clear();
            onShown.accept(null);
            return;
        }
        long id = residentId;
        tasks.run(
                () -> load(id),
                data -> {
                    if (Objects.equals(residentId, id)) {
                        fill(data);
                        onShown.accept(data);
                    }
                },
                notices::showError);
    }

    /**
     * Runs {@code work} for the shown resident (nothing without one); once it is done, {@code after} (the form
     * cleared), then the tab reloads and the file is told (its header may show what changed).
     */
    protected final void save(Callable<?> work, Runnable after) {
        if (residentId == null) {
            return;
        }
        tasks.run(
                work,
                saved -> {
                    after.run();
                    changed();
                },
                notices::showError);
    }

    /** Something changed for this resident: the tab reloads and the file is told. */
    public final void changed() {
        reload();
        onChanged.run();
    }

    /** What to run when this tab changed something the file's header shows (an allergy). */
    public final void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    /** For the View's own panes: called after each load is shown with what was loaded, and with null when cleared. */
    public final void setOnShown(Consumer<T> onShown) {
        this.onShown = onShown;
    }

    /** Off the JavaFX thread: everything the tab shows for this resident. */
    protected abstract T load(long id) throws Exception;

    protected abstract void fill(T data);

    protected abstract void clear();
}
