package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** How tables on one page share its height: whole while they fit, the longest lists trimmed first, two rows at least. */
class PageTablesTest {

    static double rows(int n) {
        return TableRows.HEADER + TableRows.ROW * n;
    }

    @Test
    void everyTableShowsAllItsRowsWhileTheyFit() {
        assertArrayEquals(new double[] {rows(7), rows(2), rows(2)}, PageTables.heights(1000, new int[] {7, 1, 0}));
    }

    @Test
    void theLongestListGivesWayAndShorterOnesStayWhole() {
        // 580 high: the empty list and the four adults whole, the thirty turning what is left in whole rows
        assertArrayEquals(new double[] {rows(9), rows(4), rows(2)}, PageTables.heights(580, new int[] {30, 4, 0}));
        // two long lists share evenly
        assertArrayEquals(new double[] {rows(5), rows(5)}, PageTables.heights(2 * rows(5) + 10, new int[] {40, 60}));
    }

    @Test
    void noTableShrinksBelowTwoRows() {
        assertArrayEquals(new double[] {rows(2), rows(2)}, PageTables.heights(0, new int[] {40, 3}));
    }
}
