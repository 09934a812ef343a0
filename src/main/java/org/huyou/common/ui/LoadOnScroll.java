package org.huyou.common.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;

/**
 * A list that holds one page and fetches the next as the user nears its end: by scrolling (the table's vertical
 * scroll bar past nine tenths) or by moving the selection into the last rows with the keyboard.
 */
public final class LoadOnScroll {

    private static final int NEAR_END_ROWS = 10;

    private LoadOnScroll() {}

    public static void install(TableView<?> table, Runnable loadMore) {
        table.skinProperty().addListener((o, old, skin) -> {
            if (skin != null) {
                table.applyCss(); // the scroll bars exist once the skin has been laid out
                for (Node n : table.lookupAll(".scroll-bar")) {
                    if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                        bar.valueProperty().addListener((ov, was, is) -> {
                            // Only a scroll the user can see: a list shorter than the view has no bar to move.
                            boolean moved = bar.isVisible()
                                    && bar.getMax() > bar.getMin()
                                    && is.doubleValue() > was.doubleValue();
                            if (moved && is.doubleValue() >= bar.getMin() + 0.9 * (bar.getMax() - bar.getMin())) {
                                loadMore.run();
                            }
                        });
                    }
                }
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            if (is.intValue() >= 0 && is.intValue() >= table.getItems().size() - NEAR_END_ROWS) {
                loadMore.run();
            }
        });
    }
}
