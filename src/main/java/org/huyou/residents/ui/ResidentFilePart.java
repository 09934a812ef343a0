package org.huyou.residents.ui;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A tab of the resident's file contributed by another part of the care file (growth, timeline, medical...). The
 * register shows it beside the profile and tells it which resident is selected; the part loads its own data.
 */
public interface ResidentFilePart {

    String title();

    Node node();

    /** The selected resident changed (null: none). Loads in the background. */
    void show(Long residentId);

    /** Called with what to run when the part changed something the file's header shows (an allergy). */
    default void setOnChanged(Runnable onChanged) {}

    /**
     * A part made the first time its tab is opened: the main window's first showing then builds none of the file's
     * forms (nine parts, each with its forms and tables, cost a quarter of a second on the JavaFX thread).
     */
    static ResidentFilePart lazy(String title, Supplier<? extends ResidentFilePart> make) {
        return new ResidentFilePart() {
            private ResidentFilePart part;
            private Runnable onChanged;

            private ResidentFilePart part() {
                if (part == null) {
                    part = make.get();
                    if (onChanged != null) {
                        part.setOnChanged(onChanged);
                    }
                }
                return part;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public Node node() {
                return part().node();
            }

            @Override
            public void show(Long residentId) {
                part().show(residentId);
            }

            @Override
            public void setOnChanged(Runnable r) {
                onChanged = r;
                if (part != null) {
                    part.setOnChanged(r);
                }
            }
        };
    }
}
