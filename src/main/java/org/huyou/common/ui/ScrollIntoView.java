package org.huyou.common.ui;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Keeps the focused field of a long form in view: a ScrollPane does not follow Tab on its own. */
public final class ScrollIntoView {

    private ScrollIntoView() {}

    /**
     * From now on, whenever focus moves to a node inside {@code pane}, scroll so that it is visible. The scene's
     * focus is followed only while the pane is in it: a listener left on the window's scene kept every module that
     * had a form in view, with all its rows, after the user had moved on (issue 31, the heap after browsing).
     */
    public static void follow(ScrollPane pane) {
        ChangeListener<Node> focusMoved = (obs, was, now) -> {
            if (now != null && isInside(now, pane.getContent())) {
                show(pane, now);
            }
        };
        pane.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusMoved);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(focusMoved);
            }
        });
    }

    public static void show(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = (contentHeight - viewport) * pane.getVvalue();
        if (b.getMinY() < top) {
            pane.setVvalue(b.getMinY() / (contentHeight - viewport));
        } else if (b.getMaxY() > top + viewport) {
            pane.setVvalue(Math.min(1, (b.getMaxY() - viewport + 8) / (contentHeight - viewport)));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
