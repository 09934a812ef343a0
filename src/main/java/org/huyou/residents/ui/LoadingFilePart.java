package org.huyou.residents.ui;

import java.util.Objects;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;

/**
 * A tab of the resident file that loads its data in the background when the selected resident changes, and
 * drops a result that arrives after another resident was selected. Public so that every feature's tab (care, documents)
 * loads the one way.
 */
public abstract class LoadingFilePart<T> implements ResidentFilePart {

    protected final TaskRunner tasks;
    protected final DialogService dialogs;
    protected Long residentId;
    private Runnable onChanged = () -> {};

    private final java.time.Clock clock;

    /** With the home's clock, so the forms' default dates are the services' today. */
    protected LoadingFilePart(TaskRunner tasks, DialogService dialogs, java.time.Clock clock) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    protected final java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(clock).withSecond(0).withNano(0);
    }

    protected final java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    @Override
    public void show(Long id) {
        residentId = id;
        reload();
    }

    protected final void reload() {
        if (residentId == null) {
            clear();
            return;
        }
        long id = residentId;
        tasks.run(
                () -> load(id),
                data -> {
                    if (Objects.equals(residentId, id)) {
                        fill(data);
                    }
                },
                dialogs::showError);
    }

    /**
     * Saves in the background for the selected resident; afterwards clears the given fields, reloads the tab and
     * tells the file (its header may show what changed).
     */
    protected final void save(java.util.concurrent.Callable<?> work, javafx.scene.control.TextInputControl... clear) {
        if (residentId == null) {
            return;
        }
        tasks.run(
                work,
                saved -> {
                    for (javafx.scene.control.TextInputControl t : clear) {
                        t.clear();
                    }
                    reload();
                    onChanged.run();
                },
                dialogs::showError);
    }

    @Override
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    /** What to run after a change: the tab reloads and the file is told. */
    protected final Runnable changed() {
        return () -> {
            reload();
            onChanged.run();
        };
    }

    /** Off the JavaFX thread: everything the tab shows for this resident. */
    protected abstract T load(long id) throws Exception;

    protected abstract void fill(T data);

    protected abstract void clear();
}
