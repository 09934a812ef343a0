package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Tables one above the other on a scrolled page, sharing its visible height: each shows all its rows while they fit,
 * and the longer lists share what is left, so that every list starts on the first screen and grows with the window.
 * Fixed heights showed two rows of the transition dashboard's adults on a 1366x768 screen with its lower part empty.
 */
public final class PageTables {

    /** Rows a table keeps however full the page (its placeholder needs two). */
    static final int MIN_ROWS = 2;

    private PageTables() {}

    /**
     * Sizes {@code tables} to share the page's visible height less {@code room} (their headings and the gaps between
     * them); again whenever a list or the window changes.
     */
    public static void share(ScrollPane page, double room, List<? extends TableView<?>> tables) {
        // the page takes the window's height: left at its content's, it and the lists would size each other down to
        // the least
        VBox.setVgrow(page, Priority.ALWAYS);
        List<Observable> on = new ArrayList<>(List.of(page.viewportBoundsProperty()));
        List<DoubleProperty> frames = new ArrayList<>();
        for (TableView<?> t : tables) {
            t.setFixedCellSize(TableRows.ROW);
            on.add(t.getItems());
            DoubleProperty frame = TableRows.frame(t);
            frames.add(frame);
            on.add(frame);
        }
        Observable[] dependencies = on.toArray(Observable[]::new);
        for (int i = 0; i < tables.size(); i++) {
            int k = i;
            TableView<?> t = tables.get(i);
            t.prefHeightProperty()
                    .bind(Bindings.createDoubleBinding(
                            () -> heights(
                                    page.getViewportBounds().getHeight() - room,
                                    tables.stream()
                                            .mapToInt(x -> x.getItems().size())
                                            .toArray(),
                                    frames.stream()
                                            .mapToDouble(DoubleProperty::get)
                                            .toArray())[k],
                            dependencies));
            t.minHeightProperty().bind(t.prefHeightProperty());
            t.maxHeightProperty().bind(t.prefHeightProperty());
        }
    }

    /** The height that shows a table's rows (at least {@link #MIN_ROWS}) inside its header and border. */
    static double want(int rows, double frame) {
        return frame + TableRows.ROW * Math.max(MIN_ROWS, rows);
    }

    /**
     * Each table's height for its number of rows and its header and border in {@code available}: all its rows while
     * everything fits; else the shorter lists whole and the longer ones an even share of the rest, in whole rows,
     * never under two.
     */
    static double[] heights(double available, int[] rows, double[] frames) {
        int n = rows.length;
        double[] out = new double[n];
        int[] shortestFirst = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingInt(i -> rows[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        double left = available;
        for (int j = 0; j < n; j++) {
            int i = shortestFirst[j];
            double share = left / (n - j);
            double wanted = want(rows[i], frames[i]);
            out[i] = wanted <= share ? wanted : want((int) Math.floor((share - frames[i]) / TableRows.ROW), frames[i]);
            left -= out[i];
        }
        return out;
    }
}
