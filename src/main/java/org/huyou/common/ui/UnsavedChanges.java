package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a screen, form or editable table has that is not saved yet. The shell and the screens ask it through
 * {@link UnsavedChangesGuard} before anything would make it disappear (navigation, another resident, another living
 * group or shift, logout, closing the window).
 */
public interface UnsavedChanges {

    /** Nothing to lose. */
    UnsavedChanges NONE = new UnsavedChanges() {
        @Override
        public boolean isDirty() {
            return false;
        }

        @Override
        public void save(Consumer<Boolean> done) {
            done.accept(true);
        }

        @Override
        public void discard() {}
    };

    boolean isDirty();

    /**
     * Saves in the background; then {@code done} gets true, or false when the save was refused (the screen has said
     * why and keeps the input). Always called on the JavaFX thread, once.
     */
    void save(Consumer<Boolean> done);

    /** Drops the input: the screen shows what is saved (or its blank form) again. */
    void discard();

    /**
     * Whether {@link #save} can save it from the question (an inline form's input whose save button cannot be found
     * cannot): when not, the question offers no 保存 that would only say so.
     */
    default boolean canSave() {
        return true;
    }

    /**
     * Where the unsaved input is, by the names the user sees (the tabs holding it: "物资入库"), for the question to say;
     * empty when it is where the user looks.
     */
    default List<String> where() {
        return List.of();
    }

    /** Several at once: dirty when any is; saves the dirty ones in turn and stops at the first refusal. */
    static UnsavedChanges all(UnsavedChanges... parts) {
        List<UnsavedChanges> list = Arrays.asList(parts);
        return all(() -> list);
    }

    /** The same over a list read each time it is asked (the open forms change). */
    static UnsavedChanges all(Supplier<? extends List<? extends UnsavedChanges>> parts) {
        return new UnsavedChanges() {
            @Override
            public boolean isDirty() {
                return parts.get().stream().anyMatch(UnsavedChanges::isDirty);
            }

            @Override
            public void save(Consumer<Boolean> done) {
                List<UnsavedChanges> dirty = new ArrayList<>(
                        parts.get().stream().filter(UnsavedChanges::isDirty).toList());
                saveInTurn(dirty, 0, done);
            }

            private void saveInTurn(List<UnsavedChanges> dirty, int i, Consumer<Boolean> done) {
                if (i == dirty.size()) {
                    done.accept(true);
                    return;
                }
                dirty.get(i).save(ok -> {
                    if (ok) {
                        saveInTurn(dirty, i + 1, done);
                    } else {
                        done.accept(false);
                    }
                });
            }

            @Override
            public void discard() {
                parts.get().forEach(UnsavedChanges::discard);
            }

            @Override
            public boolean canSave() {
                return parts.get().stream().filter(UnsavedChanges::isDirty).allMatch(UnsavedChanges::canSave);
            }

            @Override
            public List<String> where() {
                return parts.get().stream()
                        .filter(UnsavedChanges::isDirty)
                        .flatMap(p -> p.where().stream())
                        .distinct()
                        .toList();
            }
        };
    }
}
