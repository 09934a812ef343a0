package org.huyou.common.io;

/**
 * One cell of an imported sheet as text, and whether the spreadsheet stored it as a number (not a date): an ID
 * number that Excel turned into a number has lost its last digits, and only the cell's type can tell.
 */
public record SheetCell(String text, boolean number) {

    public static final SheetCell EMPTY = new SheetCell("", false);

    public static SheetCell text(String text) {
        return new SheetCell(text == null ? "" : text, false);
    }

    public boolean blank() {
        return text.isBlank();
    }
}
