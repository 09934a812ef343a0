package org.huyou.testing;

import org.testfx.api.FxRobot;

/**
 * A task done on a real screen with its actions counted the way issue 28 counts them: a click is one action; a field
 * clicked and typed into is one; a choice from a drop-down is two (open, pick). The count starts on the open screen
 * (the desk keeps its screen open through the day). The system print dialog's 打印 cannot appear on a headless test
 * machine (no printer, no window system), so {@link #systemPrintDialog()} counts it without pressing it.
 */
public final class CountedActions {

    private final FxRobot robot;
    private int count;

    public CountedActions(FxRobot robot) {
        this.robot = robot;
    }

    public CountedActions click(String query) {
        FxTesting.click(robot, query);
        count++;
        return this;
    }

    public CountedActions type(String query, String text) {
        FxTesting.click(robot, query).write(text);
        count++;
        return this;
    }

    /** Opens the drop-down {@code query} and picks the item shown as {@code itemText}. */
    public CountedActions pick(String query, String itemText) {
        FxTesting.click(robot, query);
        // a list asked for as it opens (the donor pickers) shows its items a moment later
        FxTesting.waitFor(() -> robot.lookup(itemText).tryQuery().isPresent());
        FxTesting.clickText(robot, itemText);
        count += 2;
        return this;
    }

    /**
     * A choice found by typing into a searching picker (the donors: hundreds, listed a page at a time, so the one
     * wanted need not be among the rows the list shows): the box clicked, letters typed that find only it, the match clicked.
     */
    public CountedActions find(String query, String typed, String itemText) {
        FxTesting.click(robot, query);
        robot.write(typed);
        // the list answers the last letter typed: only then is the one match the whole list
        javafx.scene.control.ComboBox<?> box = robot.lookup(query).queryComboBox();
        FxTesting.waitFor(() ->
                box.getItems().size() == 1 && robot.lookup(itemText).tryQuery().isPresent());
        FxTesting.clickText(robot, itemText);
        FxTesting.waitFor(() -> box.getValue() != null);
        count += 3;
        return this;
    }

    /** The 打印 of the system print dialog, which follows every 保存并打印 on a PC with a printer. */
    public CountedActions systemPrintDialog() {
        count++;
        return this;
    }

    public int count() {
        return count;
    }
}
