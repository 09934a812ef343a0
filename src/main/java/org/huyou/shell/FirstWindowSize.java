package org.huyou.shell;

import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * The main window's size when it opens: 1280×760 where the screen has room for it and its frame; on a smaller screen
 * (1366×768, the common office PC) the whole visual bounds, maximised, since a window a little narrower than the
 * screen only hides the right edge of wide tables behind a sideways scroll.
 */
final class FirstWindowSize {

    static final double WIDTH = 1280;
    static final double HEIGHT = 760;
    /** Room the window's frame and a little desktop need around the default size. */
    private static final double MARGIN_X = 160;

    private static final double MARGIN_Y = 80;

    private FirstWindowSize() {}

    /** Whether a screen with these visual bounds (without task bar) is filled rather than given the default size. */
    static boolean fillsScreen(Rectangle2D visual) {
        return visual.getWidth() < WIDTH + MARGIN_X || visual.getHeight() < HEIGHT + MARGIN_Y;
    }

    /** Sizes a stage not yet shown. */
    static void apply(Stage stage, Rectangle2D visual) {
        if (!fillsScreen(visual)) {
            return;
        }
        // Bounds as well as maximised: un-maximising (or a window manager without it) keeps the screen's size.
        stage.setX(visual.getMinX());
        stage.setY(visual.getMinY());
        stage.setWidth(visual.getWidth());
        stage.setHeight(visual.getHeight());
        stage.setMaximized(true);
    }
}
