package org.huyou.common.io;

import java.util.List;

/** A row of an imported sheet: its number as the spreadsheet shows it (the first row is 1) and its cells. */
public record SheetRow(int number, List<SheetCell> cells) {

    public SheetCell cell(int index) {
        return index < cells.size() ? cells.get(index) : SheetCell.EMPTY;
    }

    public boolean blank() {
        return cells.stream().allMatch(SheetCell::blank);
    }
}
