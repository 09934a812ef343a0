package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** How tables on one page share its height: whole while they fit, the longest lists trimmed first, two rows at least. */
class PageTablesTest {

    static double rows(int n) {
        return TableRows.HEADER + TableRows.ROW * n;
    }

    static double[] frames(int n) {
        double[] f = new double[n];
        java.util.Arrays.fill(f, TableRows.HEADER);
        return f;
    }

    /** A taller header (the app's theme, a larger font) takes its room from the rows, not from the page. */
    @Test
    void aTallerHeaderIsCounted() {
        assertArrayEquals(
                new double[] {40 + TableRows.ROW * 3, 40 + TableRows.ROW * 2},
                PageTables.heights(40 * 2 + TableRows.ROW * 5 + 20, new int[] {9, 0}, new double[] {40, 40}));
    }

    @Test
    void everyTableShowsAllItsRowsWhileTheyFit() {
        assertArrayEquals(
                new double[] {rows(7), rows(2), rows(2)}, PageTables.heights(1000, new int[] {7, 1, 0}, frames(3)));
    }

    @Test
    void theLongestListGivesWayAndShorterOnesStayWhole() {
        // 580 high: the empty list and the four adults whole, the thirty turning what is left in whole rows
        assertArrayEquals(
                new double[] {rows(9), rows(4), rows(2)}, PageTables.heights(580, new int[] {30, 4, 0}, frames(3)));
        // two long lists share evenly
        assertArrayEquals(
                new double[] {rows(5), rows(5)}, PageTables.heights(2 * rows(5) + 10, new int[] {40, 60}, frames(2)));
    }

    @Test
    void noTableShrinksBelowTwoRows() {
        assertArrayEquals(new double[] {rows(2), rows(2)}, PageTables.heights(0, new int[] {40, 3}, frames(2)));
    }
}
