package org.huyou.residents.ui;

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
    default void setOnChanged(Runnable onChanged) {
    }
}
