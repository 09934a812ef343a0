package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The main window fills a small screen on first start, and keeps its default size on a large one. */
class FirstWindowSizeTest {

    @Test
    void aSmallOfficeScreenIsFilledAndALargeOneIsNot() {
        // 1366×768 less a 40-pixel task bar: the tester's window opened 1280 wide on it.
        assertTrue(FirstWindowSize.fillsScreen(new Rectangle2D(0, 0, 1366, 728)));
        assertTrue(FirstWindowSize.fillsScreen(new Rectangle2D(0, 0, 1280, 984)));
        assertTrue(FirstWindowSize.fillsScreen(new Rectangle2D(0, 0, 1400, 1010)));
        assertFalse(FirstWindowSize.fillsScreen(new Rectangle2D(0, 0, 1920, 1040)));
        assertFalse(FirstWindowSize.fillsScreen(new Rectangle2D(0, 0, 1600, 860)));
    }
}
