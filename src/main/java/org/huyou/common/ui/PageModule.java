package org.huyou.common.ui;

import javafx.scene.Node;

/**
 * A module of one page whose F5 reloads its view model: the subclass builds the page, then hands it over with the
 * reload once, instead of each repeating the same two methods.
 */
public abstract class PageModule implements ModuleView {

    private Node page;
    private Runnable reload = () -> {};

    /** The page is built: shows it from now on and loads it (the end of the subclass's constructor). */
    protected final void showPage(Node page, Runnable reload) {
        this.page = page;
        this.reload = reload;
        reload.run();
    }

    @Override
    public void refresh() {
        reload.run();
    }

    @Override
    public Node node() {
        return page;
    }
}
