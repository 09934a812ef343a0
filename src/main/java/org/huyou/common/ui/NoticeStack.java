package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Where the notices of one window stand: in its bottom right corner above its status bar, the newest lowest, each
 * older one above the one after it. ControlsFX placed them by the window's outer edge (over the status bar) and lost
 * its stacking when a second notice came while the first was still sliding in (the two lay on top of each other), so
 * its own moves are overridden here. An older notice with no room left above the others is closed early.
 *
 * <p>A notice never covers the page: where the window has a {@link #ROOM} (the main window's strip under its work
 * area), that strip is made as tall as the notices while they show, so the page gives them its bottom edge instead of
 * lying under them (a notice over 作废 took the click meant for it). Clicks then reach every control of the page.
 */
final class NoticeStack {

    /** Between the notices, and between a notice and the window's edges. */
    static final double GAP = 8;
    /** The style class of the strip the notices stand in; empty (no height) while none shows. */
    static final String ROOM = "notice-room";
    /** The notices take at most this share of the room above the status bar; older ones beyond are closed early. */
    static final double MOST = 0.4;

    /** One stack per window, whichever DialogService shows the notice: two stacks would size one room apart. */
    private static final Map<Window, NoticeStack> STACKS = new java.util.WeakHashMap<>();

    static NoticeStack of(Window owner) {
        return STACKS.computeIfAbsent(owner, NoticeStack::new);
    }

    private final Window owner;
    /** Oldest first. */
    private final List<PopupWindow> shown = new ArrayList<>();

    private final Map<PopupWindow, Point2D> places = new IdentityHashMap<>();
    private boolean placing;

    /** A dialog opened or closed while notices show: they move out of its corner, or back. */
    private final javafx.collections.ListChangeListener<Window> windowsChanged = c -> Platform.runLater(this::place);

    private NoticeStack(Window owner) {
        this.owner = owner;
        InvalidationListener moved = o -> place();
        owner.xProperty().addListener(moved);
        owner.yProperty().addListener(moved);
        owner.widthProperty().addListener(moved);
        owner.heightProperty().addListener(moved);
    }

    /** Puts a notice just shown at the bottom of the stack; it leaves the stack when it is hidden. */
    void add(PopupWindow notice) {
        if (shown.isEmpty()) {
            Window.getWindows().addListener(windowsChanged);
        }
        shown.add(notice);
        // change listeners, not invalidation ones: each move is heard, whether or not its value was read since
        notice.anchorXProperty().addListener((o, was, now) -> later(notice));
        notice.anchorYProperty().addListener((o, was, now) -> later(notice));
        notice.xProperty().addListener((o, was, now) -> later(notice));
        notice.yProperty().addListener((o, was, now) -> later(notice));
        notice.heightProperty().addListener((o, was, now) -> place());
        notice.widthProperty().addListener((o, was, now) -> place());
        notice.showingProperty().addListener((o, was, showing) -> {
            if (!showing) {
                shown.remove(notice);
                places.remove(notice);
                if (shown.isEmpty()) {
                    Window.getWindows().removeListener(windowsChanged);
                }
                place();
            }
        });
        place();
    }

    /** Where the notices may stand, in screen coordinates: the owner's scene down to its status bar, if it has one. */
    private Bounds room() {
        Node root = owner.getScene().getRoot();
        Bounds scene = root.localToScreen(root.getLayoutBounds());
        Node bar = root.lookup(".status-bar");
        double bottom = scene.getMaxY();
        if (bar != null && bar.isVisible()) {
            bottom = Math.min(bottom, bar.localToScreen(bar.getLayoutBounds()).getMinY());
        }
        return new javafx.geometry.BoundingBox(
                scene.getMinX(), scene.getMinY(), scene.getWidth(), bottom - scene.getMinY());
    }

    /** The strip under the work area the notices stand in, when the window shows one. */
    private Region strip() {
        Node n = owner.getScene().getRoot().lookup("." + ROOM);
        return n instanceof Region r && n.isVisible() && r.getScene() != null ? r : null;
    }

    private void place() {
        if (owner.getScene() == null || owner.getScene().getRoot().localToScreen(0, 0) == null) {
            return;
        }
        Bounds room = room();
        boolean fromTop = dialogOver(room);
        Region strip = fromTop ? null : strip();
        // with a strip, the notices take at most part of the height, the page keeps the rest
        double highest = strip == null ? room.getMinY() : room.getMaxY() - room.getHeight() * MOST;
        double edge = fromTop ? room.getMinY() + GAP : room.getMaxY() - GAP;
        List<PopupWindow> closing = new ArrayList<>();
        for (int i = shown.size() - 1; i >= 0; i--) {
            PopupWindow notice = shown.get(i);
            double top = fromTop ? edge : edge - notice.getHeight();
            boolean noRoom = fromTop ? top + notice.getHeight() > room.getMaxY() - GAP : top < highest + GAP;
            if (noRoom && i < shown.size() - 1) {
                closing.add(notice); // no room left beside the newer ones: closed, never drawn over them
                continue;
            }
            double x = fromTop ? room.getMinX() + GAP : room.getMaxX() - GAP - notice.getWidth();
            places.put(notice, new Point2D(x, top));
            edge = fromTop ? top + notice.getHeight() + GAP : top - GAP;
        }
        Region ownStrip = strip();
        if (ownStrip != null) {
            // the page ends a gap above the highest notice; it gets its height back only once none shows, so its
            // buttons move at most twice (a page growing under the pointer as each notice left moved them each time)
            double height = strip != null && shown.size() > closing.size()
                    ? Math.max(ownStrip.getPrefHeight(), room.getMaxY() - edge)
                    : 0;
            ownStrip.setMinHeight(height);
            ownStrip.setMaxHeight(height);
            ownStrip.setPrefHeight(height);
        }
        for (PopupWindow notice : shown) {
            keep(notice);
        }
        for (PopupWindow notice : closing) {
            if (notice.getScene().getRoot().lookup(".close-button") instanceof javafx.scene.control.Button close) {
                close.fire(); // ControlsFX's own way out: it forgets the notice too
            } else {
                notice.hide();
            }
        }
    }

    /**
     * Whether a dialog of the owner stands where the notices would in the room's lower right corner, with its
     * buttons in its own lower right corner: a notice over
     * 关闭 after an import took the click meant for it, and as a notice stays while the pointer is over it, every
     * click after. The notices then stand in the top left corner, over a dialog's title at most.
     */
    private boolean dialogOver(Bounds room) {
        double width = shown.stream().mapToDouble(Window::getWidth).max().orElse(0);
        double height = shown.stream().mapToDouble(w -> w.getHeight() + GAP).sum();
        javafx.geometry.BoundingBox corner =
                new javafx.geometry.BoundingBox(room.getMaxX() - GAP - width, room.getMaxY() - height, width, height);
        return List.copyOf(Window.getWindows()).stream()
                .anyMatch(w -> w instanceof javafx.stage.Stage s
                        && s.getOwner() == owner
                        && s.isShowing()
                        && corner.intersects(s.getX(), s.getY(), s.getWidth(), s.getHeight()));
    }

    /**
     * Moves the notice back to its place once ControlsFX has moved it: not within its move, as the popup sets its
     * window's position only after telling its listeners, and would undo the correction.
     */
    private void later(PopupWindow notice) {
        if (!placing && pending.add(notice)) {
            Platform.runLater(() -> {
                pending.remove(notice);
                keep(notice);
            });
        }
    }

    private final java.util.Set<PopupWindow> pending = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** Moves the notice back to its place: ControlsFX's slides and its own stacking would move it elsewhere. */
    private void keep(PopupWindow notice) {
        Point2D place = places.get(notice);
        if (placing || place == null) {
            return;
        }
        placing = true;
        try {
            // the window's own position, not its anchor: a move undone within the popup leaves the anchor as set
            if (notice.getX() != place.getX() || notice.getY() != place.getY()) {
                notice.setAnchorX(place.getX());
                notice.setAnchorY(place.getY());
            }
        } finally {
            placing = false;
        }
    }
}
