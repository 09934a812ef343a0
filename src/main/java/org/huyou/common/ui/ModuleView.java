package org.huyou.common.ui;

import javafx.scene.Node;

/** A module shown in the main window's work area; the shell routes the standard shortcuts to it. */
public interface ModuleView {

    Node node();

    /** Ctrl+N. */
    default void newRecord() {}

    /** Ctrl+F. */
    default void focusSearch() {}

    /** F5. */
    default void refresh() {}

    /**
     * The shell put the module on screen (again). A module kept between visits (the register with an open file)
     * reloads here what other screens may have recorded meanwhile (a dose given from 提醒); one made anew loads itself.
     */
    default void shown() {}

    /**
     * What the module holds that is not saved beyond the text typed into its forms (which the shell watches itself,
     * {@link TypedInput}): an editable table's rows, a form in a dialog of its own. Asked before the module is left.
     */
    default UnsavedChanges changes() {
        return UnsavedChanges.NONE;
    }
}
