package org.huyou.common.ui;

import javafx.scene.Node;
import javafx.scene.control.TabPane;

/**
 * A module whose screen is a row of tabs, each loaded when shown ({@link ShownTabLoads}); F5 reloads the tab in view.
 * The caseload, the director's and the donations modules are built so.
 */
public abstract class TabbedModule implements ModuleView {

    private final TabPane tabs = new TabPane();
    /** The subclass adds its tabs here, then starts the loading once the last is added. */
    protected final ShownTabLoads loads = new ShownTabLoads(tabs);

    protected TabbedModule(String id) {
        tabs.setId(id);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    @Override
    public void refresh() {
        loads.refresh();
    }

    @Override
    public final Node node() {
        return tabs;
    }
}
