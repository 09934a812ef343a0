package org.huyou.common.ui;

import javafx.scene.Node;

/** A module shown in the main window's work area; the shell routes the standard shortcuts to it. */
public interface ModuleView {

    Node node();

    /** Ctrl+N. */
    default void newRecord() {
    }

    /** Ctrl+F. */
    default void focusSearch() {
    }

    /** F5. */
    default void refresh() {
    }
}
