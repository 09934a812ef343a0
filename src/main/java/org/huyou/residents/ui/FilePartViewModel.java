package org.huyou.residents.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.Property;
import org.huyou.common.ui.FormDefaults;
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
    private final List<FormDefaults> forms = new ArrayList<>();

    protected FilePartViewModel(TaskRunner tasks, Notices notices) {
        this.tasks = tasks;
        this.notices = notices;
    }

    /**
     * The selected resident changed (null: none). Another resident's file starts every form of the tab at its
     * defaults: a date or a kind picked for the last child is never carried over to the next. (Typed text has been
     * through the unsaved-changes question before the file changes.)
     */
    public final void show(Long id) {
        boolean another = !Objects.equals(id, residentId);
        residentId = id;
        if (another) {
            forms.forEach(FormDefaults::reset);
        }
        reload();
    }

    /** A form of this tab: these fields start with what they hold now (see {@link FormDefaults}). */
    protected final FormDefaults form(Property<?>... fields) {
        FormDefaults form = FormDefaults.of(fields);
        forms.add(form);
        return form;
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

    /**
     * Runs {@code work} for the shown resident; once it is done, the form's fields that still hold what the work read
     * go back to their defaults, then the tab reloads and the file is told.
     */
    protected final void save(FormDefaults form, Callable<?> work) {
        FormDefaults.Taken typed = form.taken();
        save(work, () -> form.resetUnchanged(typed));
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
