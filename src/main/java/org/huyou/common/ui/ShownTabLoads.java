package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Tabs whose content loads when the tab is shown, not before: a module opens with one tab's data to wait for, and a
 * tab chosen later loads then, so it is never older than the moment it is looked at (issue 31).
 */
public final class ShownTabLoads {

    private final TabPane tabs;
    private final List<Runnable> loads = new ArrayList<>();

    public ShownTabLoads(TabPane tabs) {
        this.tabs = tabs;
    }

    /** Adds a tab and what loads it. */
    public void add(Tab tab, Runnable load) {
        loads.add(load);
        tabs.getTabs().add(tab);
    }

    /** Loads the tab in view now, and each tab chosen from now on. Call once, after the last tab is added. */
    public void start() {
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Reloads the tab in view. */
    public void refresh() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        if (i >= 0 && i < loads.size()) {
            loads.get(i).run();
        }
    }
}
